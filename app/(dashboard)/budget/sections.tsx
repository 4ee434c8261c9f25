import { getLocale, getTranslations } from 'next-intl/server';
import { BudgetSummary, BudgetTile, type BudgetSummaryProps } from '@/components/budget/budget-summary';
import { UtilisationTable, type UtilisationItem } from '@/components/budget/budget-tables';
import { loadBudgetSummary, type BudgetSummary as Summary } from '@/data/budget';
import { formatDate } from '@/lib/format';

/**
 * The budget's pieces that other pages embed — the overview's tile and the committee report's section (which
 * its PDF prints) — each loading its own data, so those pages only place them.
 */

export function summaryProps(s: Summary): BudgetSummaryProps {
  return {
    currency: s.currency,
    budget: s.overall.budget,
    spent: s.overall.spent,
    remaining: s.overall.remaining,
    projectedYearEnd: s.overall.projectedYearEnd,
    utilisation: s.overall.utilisation,
    timeElapsed: s.timing.timeElapsed,
    delivery: s.delivery.overall,
    planEnd: s.plan.endDate,
  };
}

export function levelRows(s: Summary, level: 'goal' | 'line' | 'source'): UtilisationItem[] {
  const goalCode = new Map(s.rows.filter((r) => r.level === 'goal' && r.id !== null).map((r) => [r.id, r.code]));
  return s.rows
    .filter((r) => r.level === level)
    .map((r) => ({
      key: `${level}-${r.id ?? r.fundingSource ?? 'none'}`,
      code: r.code,
      title: r.title,
      titleZh: r.titleZh,
      goalCode: r.goalId === null ? null : (goalCode.get(r.goalId) ?? null),
      fundingSource: r.fundingSource,
      budget: r.budget,
      spent: r.spent,
      remaining: r.remaining,
      utilisation: r.utilisation,
      delivery: level === 'goal' && r.code ? (s.delivery.perGoal.get(r.code) ?? null) : undefined,
    }));
}

export async function BudgetOverviewTile({ year }: { year?: number }) {
  const summary = await loadBudgetSummary(year, undefined, { delivery: false });
  if (!summary) return null;
  const href = `/budget${year ? `?plan=${year}` : ''}`;
  return <BudgetTile summary={summary.hasLines ? summaryProps(summary) : null} href={href} />;
}

export async function BudgetReportSection({ year, asOf }: { year?: number; asOf?: string }) {
  const summary = await loadBudgetSummary(year, asOf);
  return summary ? <BudgetReportView summary={summary} /> : null;
}

/**
 * The committee report's budget section for a summary already read: the signed-in report's (above) and a share
 * link's (app/share/[token], read by data/share-links.ts as of the link's date). It links nowhere, so a shared page
 * stays without a way into the app.
 */
export async function BudgetReportView({ summary }: { summary: Summary }) {
  const [t, locale] = await Promise.all([getTranslations('budget'), getLocale()]);
  return (
    <section className="card report-budget" aria-labelledby="report-budget">
      <h2 id="report-budget">{t('report.heading')}</h2>
      {summary.hasLines ? (
        <>
          <p className="muted">{t('planLine', { plan: summary.plan.title, date: formatDate(locale, summary.asOf), currency: summary.currency })}</p>
          <BudgetSummary {...summaryProps(summary)} />
          <UtilisationTable rows={levelRows(summary, 'goal')} level="goal" currency={summary.currency} />
          <UtilisationTable rows={levelRows(summary, 'source')} level="source" currency={summary.currency} />
        </>
      ) : (
        <p className="muted">{t('report.empty')}</p>
      )}
    </section>
  );
}
