import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { chartProps } from '@/components/charts/indicator-chart-section';
import { IndicatorChart } from '@/components/charts/indicator-chart';
import { LocalizedText } from '@/components/ui/localized-text';
import { openSharedView, readSharedBudget, readSharedGoal, readSharedReport } from '@/data/share-links';
import { formatDate } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { BudgetReportView } from '../../(dashboard)/budget/sections';
import { ReportContent } from '../../(dashboard)/reports/committee/report-content';
import '../../(dashboard)/reports/committee/report.css';

// A shared page shows no evidence: its files are downloads for signed-in readers (lib/auth/policy).
const NO_EVIDENCE = { rows: [], more: false };

export async function generateMetadata() {
  const t = await getTranslations('share.page');
  return { title: t('title') };
}

/**
 * A read-only shared page: the committee report (with its budget section, as the signed-in report has it) or one
 * goal's charts, of the plan and as of the date the link fixes. The link is checked against the database on this
 * request (so a revoked link stops at once) before anything is read; an unknown, revoked or expired one is a 404
 * that shows nothing.
 */
export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const view = await openSharedView((await params).token);
  if (!view) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const expires = t('share.page.expires', { date: formatDate(locale, view.expiresAt.toISOString().slice(0, 10)) });
  if (view.kind === 'report') {
    const [data, budget] = await Promise.all([readSharedReport(view), readSharedBudget(view)]);
    if (!data) notFound();
    return (
      <article className="report" data-shared="report">
        <h1>{t('dashboards.report.title')}</h1>
        <p className="muted">{expires}</p>
        <ReportContent params={{ plan: view.year, asOf: view.asOf, open: 'all' }} preloaded={{ ...data, evidence: NO_EVIDENCE }} open="all" shared />
        {budget ? <BudgetReportView summary={budget} /> : null}
      </article>
    );
  }
  const data = await readSharedGoal(view);
  if (!data) notFound();
  return (
    <article data-shared="goal">
      <h1>
        {data.goal.code} · <LocalizedText value={localized(locale, data.goal.title, data.goal.titleZh)} />
      </h1>
      <p className="muted">
        <LocalizedText value={localized(locale, data.plan.title, data.plan.titleZh)} /> · {t('overview.asOf', { date: formatDate(locale, view.asOf) })} · {expires}
      </p>
      {data.charts.length === 0 ? <p className="card">{t('dashboards.goal.noIndicators')}</p> : null}
      {data.charts.map((c) => (
        <section key={c.indicator.id} className="card chart-card" aria-label={c.indicator.code}>
          <IndicatorChart {...chartProps(t, locale, c)} />
        </section>
      ))}
    </article>
  );
}
