import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Fragment } from 'react';
import { IndicatorChartLoader } from '@/app/(dashboard)/indicators/chart-panel';
import { ConcerningItems } from '@/app/(dashboard)/meetings/concerning-items';
import { LocalizedText } from '@/components/ui/localized-text';
import { Pager } from '@/components/ui/pager';
import { requirePageUser } from '@/data/auth/session';
import { loadGoalCharts } from '@/data/charts';
import { localized } from '@/lib/i18n/localized';
import { pageParam, pageSlice } from '@/lib/paging';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations('dashboards.goal');
  return { title: t('title', { code: decodeURIComponent((await params).code) }) };
}

function planYear(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** Charts per page: a goal with 50 indicators would otherwise render 50 charts (and their data) at once. */
const CHARTS_PER_PAGE = 10;

export default async function GoalPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('dashboard.read');
  const code = decodeURIComponent((await params).code);
  const query = await searchParams;
  const year = planYear(query.plan);
  // Decided before the first <Suspense>, so an unknown goal is a real 404.
  const data = await loadGoalCharts(code, { year });
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const { plan, goal, indicatorCodes } = data;
  const { page, pages, first, items: shown } = pageSlice(indicatorCodes, CHARTS_PER_PAGE, pageParam(query.page));
  const pageHref = (n: number) => `?${new URLSearchParams({ plan: String(plan.year), page: String(n) })}`;
  const pager =
    pages > 1 ? (
      <Pager
        label={t('dashboards.goal.pagesLabel')}
        summary={t('dashboards.goal.pageOf', { from: first + 1, to: first + shown.length, total: indicatorCodes.length })}
        previous={page > 1 ? { href: pageHref(page - 1), label: t('dashboards.goal.previous') } : undefined}
        next={page < pages ? { href: pageHref(page + 1), label: t('dashboards.goal.next') } : undefined}
      />
    ) : null;
  return (
    <>
      <p className="muted">
        <Link href={`/?plan=${plan.year}`}>{t('dashboards.goal.backToOverview')}</Link> · {t('dashboards.goal.planLine', { year: plan.year })}
      </p>
      <h1>
        {goal.code} · <LocalizedText value={localized(locale, goal.title, goal.titleZh)} />
      </h1>
      <ConcerningItems goalId={goal.id} />
      {indicatorCodes.length === 0 ? <p className="card">{t('dashboards.goal.noIndicators')}</p> : null}
      {pager}
      {/* The charts come with the page (IndicatorChartLoader says why); the ten of a page are read at once. */}
      {shown.map((indicatorCode) => (
        <Fragment key={indicatorCode}>
          <h2>
            <Link href={`/indicators/${encodeURIComponent(indicatorCode)}?plan=${plan.year}`}>{indicatorCode}</Link>
          </h2>
          <IndicatorChartLoader code={indicatorCode} year={plan.year} />
        </Fragment>
      ))}
    </>
  );
}
