import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { BudgetByGoalChart, CumulativeSpendChart } from '@/components/budget/budget-charts';
import { BudgetSummary } from '@/components/budget/budget-summary';
import { ExpendituresTable, MonthlyTable, RevisionsTable, UtilisationTable } from '@/components/budget/budget-tables';
import { requirePageUser } from '@/data/auth/session';
import { loadBudgetPage } from '@/data/budget';
import { can } from '@/lib/auth/policy';
import { formatDate } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { budgetPlanParam } from './params';
import { levelRows, summaryProps } from './sections';
import { dateTimeFormat } from '@/lib/intl-formats';

export async function generateMetadata() {
  const t = await getTranslations('budget');
  return { title: t('title') };
}


const monthLabel = (locale: string, month: string) =>
  dateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** Budget and utilisation of a plan (?plan=YEAR): summary, charts with their tables, levels, revisions, latest spending. */
export default async function BudgetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('dashboard.read');
  const { plan: year } = budgetPlanParam.parse(await searchParams);
  const [data, t, locale] = await Promise.all([loadBudgetPage(year), getTranslations('budget'), getLocale()]);
  if (!data) {
    return (
      <>
        <h1>{t('title')}</h1>
        <section className="card">
          <h2>{t('noPlanTitle')}</h2>
          <p>{t('noPlanBody')}</p>
        </section>
      </>
    );
  }
  const { plan, currency } = data;
  const q = `?plan=${plan.year}`;
  const mayEdit = can(user.role, 'budget.edit');
  const mayRecord = can(user.role, 'expenditure.record');
  const goalRows = levelRows(data, 'goal');
  const monthRows = data.series.map((p) => ({ ...p, label: monthLabel(locale, p.month) }));
  return (
    <>
      <h1>{t('title')}</h1>
      <form method="get" className="toolbar" aria-label={t('choosePlan')}>
        <label htmlFor="budget-plan">{t('choosePlan')}</label>
        <select id="budget-plan" name="plan" defaultValue={String(plan.year)}>
          {data.plans.map((p) => (
            <option key={p.id} value={p.year}>
              {p.year} — {p.title}
            </option>
          ))}
        </select>
        <button type="submit" className="button-secondary">
          {t('show')}
        </button>
      </form>
      <p className="muted">{t('planLine', { plan: localized(locale, plan.title, plan.titleZh).text, date: formatDate(locale, data.asOf), currency })}</p>
      <p className="toolbar">
        {mayEdit ? <Link href={`/budget/lines${q}`}>{t('manageLines')}</Link> : null}
        {mayRecord ? <Link href={`/budget/expenditures${q}`}>{t('recordExpenditure')}</Link> : null}
        {mayRecord ? <Link href={`/budget/import${q}`}>{t('importExpenditures')}</Link> : null}
        <a href={`/api/budget/export${q}&format=csv`}>{t('exportCsv')}</a>
        <a href={`/api/budget/export${q}&format=xlsx`}>{t('exportXlsx')}</a>
      </p>
      {!data.hasLines ? (
        <section className="card" data-budget-empty>
          <h2>{t('emptyTitle')}</h2>
          <p>{mayEdit ? t('emptyAdmin') : t('emptyOthers')}</p>
          {mayEdit ? (
            <p>
              <Link className="button" href={`/budget/lines${q}`}>
                {t('addLines')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <section aria-labelledby="budget-summary" className="card">
            <h2 id="budget-summary">{t('summary.heading')}</h2>
            <BudgetSummary {...summaryProps(data)} />
          </section>
          <section className="card chart-card">
            <BudgetByGoalChart
              currency={currency}
              tableId="budget-by-goal-table"
              rows={goalRows.map((r) => ({ label: r.code ?? t('programmeWide'), budget: r.budget, spent: r.spent }))}
            />
            <UtilisationTable id="budget-by-goal-table" rows={goalRows} level="goal" currency={currency} />
          </section>
          <section className="card chart-card">
            <CumulativeSpendChart
              currency={currency}
              tableId="cumulative-spend-table"
              points={monthRows}
              revisions={[...new Set(data.revisions.map((r) => r.effectiveOn))].map((d) => ({ month: d.slice(0, 7), date: formatDate(locale, d) }))}
            />
            <MonthlyTable id="cumulative-spend-table" rows={monthRows} currency={currency} />
          </section>
          <section className="card">
            <UtilisationTable rows={levelRows(data, 'line')} level="line" currency={currency} />
            <UtilisationTable rows={levelRows(data, 'source')} level="source" currency={currency} />
          </section>
          <section aria-labelledby="budget-revisions" className="card">
            <h2 id="budget-revisions">{t('revisions.heading')}</h2>
            <p className="muted">{t('revisions.intro')}</p>
            <RevisionsTable rows={data.revisions} currency={currency} />
          </section>
          <section aria-labelledby="budget-recent" className="card">
            <h2 id="budget-recent">{t('recent.heading')}</h2>
            {data.recent.length === 0 ? (
              <p className="muted">{t('recent.empty')}</p>
            ) : (
              <ExpendituresTable rows={data.recent} currency={currency} caption={t('recent.heading')} hrefOf={(id) => `/budget/expenditures/${id}${q}`} />
            )}
          </section>
        </>
      )}
    </>
  );
}
