import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { ExpenditureImportForm } from '@/components/budget/expenditure-import-form';
import { requirePageUser } from '@/data/auth/session';
import { loadExpenditures } from '@/data/budget';
import { EXPENDITURE_COLUMNS } from '@/lib/validation/budget';
import { importExpendituresAction } from '../actions';
import { budgetPlanParam } from '../params';

export async function generateMetadata() {
  const t = await getTranslations('budget.import');
  return { title: t('title') };
}

/** Expenditures from a finance system's CSV/XLSX export: checked, previewed, then imported whole or not at all. */
export default async function ExpenditureImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('expenditure.record');
  const { plan: year } = budgetPlanParam.parse(await searchParams);
  const [data, t] = await Promise.all([loadExpenditures(year), getTranslations('budget')]);
  if (!data) return <p>{t('noPlanBody')}</p>;
  return (
    <>
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <p>
        <code>{t('import.columns', { columns: EXPENDITURE_COLUMNS.join(', '), currency: data.currency })}</code>
      </p>
      <section className="card">
        <ExpenditureImportForm action={importExpendituresAction} planId={data.plan.id} />
      </section>
      <p className="toolbar">
        <Link href={`/budget/expenditures?plan=${data.plan.year}`}>{t('expenditures.title')}</Link>
        <Link href={`/budget?plan=${data.plan.year}`}>{t('title')}</Link>
      </p>
    </>
  );
}
