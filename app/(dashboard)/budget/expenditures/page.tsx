import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { BudgetForm } from '@/components/budget/budget-form';
import { ExpendituresTable } from '@/components/budget/budget-tables';
import { requirePageUser } from '@/data/auth/session';
import { loadExpenditures } from '@/data/budget';
import { recordExpenditureAction } from '../actions';
import { budgetPlanParam } from '../params';
import { expenditureFields } from './fields';

export async function generateMetadata() {
  const t = await getTranslations('budget.expenditures');
  return { title: t('title') };
}

/** Staff and admins record expenditures; each links to its history, where it is corrected or voided. */
export default async function ExpendituresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('expenditure.record');
  const { plan: year } = budgetPlanParam.parse(await searchParams);
  const [data, t] = await Promise.all([loadExpenditures(year), getTranslations()]);
  if (!data) return <p>{t('budget.noPlanBody')}</p>;
  const { plan, lines, currency, rows } = data;
  const q = `?plan=${plan.year}`;
  return (
    <>
      <h1>{t('budget.expenditures.title')}</h1>
      <p className="muted">{t('budget.expenditures.intro', { currency })}</p>
      <p className="toolbar">
        <Link href={`/budget${q}`}>{t('budget.title')}</Link>
        <Link href={`/budget/import${q}`}>{t('budget.importExpenditures')}</Link>
        <a href={`/api/budget/export${q}&format=csv&kind=expenditures`}>{t('budget.exportCsv')}</a>
        <a href={`/api/budget/export${q}&format=xlsx&kind=expenditures`}>{t('budget.exportXlsx')}</a>
      </p>
      <section className="card" aria-labelledby="new-expenditure">
        <h2 id="new-expenditure">{t('budget.expenditures.new')}</h2>
        {lines.length === 0 ? (
          <p className="muted">{t('budget.expenditures.noLines')}</p>
        ) : (
          <BudgetForm
            action={recordExpenditureAction}
            hidden={{ planId: String(plan.id) }}
            fields={expenditureFields(t, lines, currency)}
            submitLabel={t('budget.expenditures.record')}
            testId="new-expenditure"
          />
        )}
      </section>
      <section className="card" aria-labelledby="expenditure-list">
        <h2 id="expenditure-list">{t('budget.expenditures.list')}</h2>
        {rows.length === 0 ? (
          <p className="muted">{t('budget.expenditures.empty')}</p>
        ) : (
          <ExpendituresTable rows={rows} currency={currency} caption={t('budget.expenditures.list')} hrefOf={(id) => `/budget/expenditures/${id}${q}`} />
        )}
      </section>
    </>
  );
}
