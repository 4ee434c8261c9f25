import { getTranslations } from 'next-intl/server';
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
      {/* The report comes in the first response, not behind a <Suspense>: streamed content is revealed by a
          script, a few hundred milliseconds after the page first paints, and not at all without JavaScript. It is
          drawn once per data version (report-body.tsx), so the wait is usually a cache read. */}
      <ReportContent params={params} />
      <BudgetReportSection year={params.plan} asOf={params.asOf} />
    </article>
  );
}
