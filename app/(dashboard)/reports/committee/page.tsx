import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { SkeletonBlock } from '@/components/ui/skeleton';
import { requirePageUser } from '@/data/auth/session';
import { committeeReportParams } from '@/data/report';
import { BudgetReportSection } from '../../budget/sections';
import { ReportContent } from './report-content';
import './report.css';

export async function generateMetadata() {
  const t = await getTranslations('dashboards.report');
  return { title: t('title') };
}

/** The printable committee report: ?since=YYYY-MM-DD (default: the last meeting) &asOf=YYYY-MM-DD &plan=YEAR. */
export default async function CommitteeReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('dashboard.read');
  const params = committeeReportParams.parse(await searchParams);
  const t = await getTranslations('dashboards.report');
  return (
    <article className="report">
      <h1>{t('title')}</h1>
      {/* One boundary: the budget section, usually ready first, would otherwise show below the skeleton and be
          pushed down when the taller report arrives (a layout shift). */}
      <Suspense fallback={<SkeletonBlock label={t('title')} height="40rem" />}>
        <ReportContent params={params} />
        <BudgetReportSection year={params.plan} asOf={params.asOf} />
      </Suspense>
    </article>
  );
}
