import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { BudgetForm } from '@/components/budget/budget-form';
import { ExpendituresTable } from '@/components/budget/budget-tables';
import { requirePageUser } from '@/data/auth/session';
import { loadExpenditure } from '@/data/budget';
import { can } from '@/lib/auth/policy';
import { correctExpenditureAction, voidExpenditureAction } from '../../actions';
import { budgetPlanParam } from '../../params';
import { expenditureFields } from '../fields';

export async function generateMetadata() {
  const t = await getTranslations('budget.expenditures');
  return { title: t('history') };
}

/** An expenditure with every earlier version; staff and admins correct or void the current one. */
export default async function ExpenditurePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('dashboard.read');
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  if (!id.success) notFound();
  const { plan: year } = budgetPlanParam.parse(await searchParams);
  const [data, t] = await Promise.all([loadExpenditure(year, id.data), getTranslations()]);
  if (!data) notFound();
  const { plan, history, lines, currency } = data;
  const current = history[0]!;
  const isCurrent = current.id === id.data && !current.supersededAt && !current.voidedAt;
  const mayRecord = can(user.role, 'expenditure.record');
  return (
    <>
      <h1>{t('budget.expenditures.historyTitle', { reference: current.reference ?? `#${current.id}` })}</h1>
      <p>
        <Link href={`/budget?plan=${plan.year}`}>{t('budget.title')}</Link>
      </p>
      <ExpendituresTable rows={history} currency={currency} caption={t('budget.expenditures.history')} showVersion />
      {mayRecord && isCurrent ? (
        <>
          <section className="card" aria-labelledby="correct-expenditure">
            <h2 id="correct-expenditure">{t('budget.expenditures.correctHeading')}</h2>
            <BudgetForm
              action={correctExpenditureAction}
              hidden={{ planId: String(plan.id), expenditureId: String(current.id) }}
              fields={[...expenditureFields(t, lines, currency, current), { name: 'reason', label: t('budget.expenditures.fields.reason'), type: 'textarea', required: true }]}
              submitLabel={t('budget.expenditures.correct')}
            />
          </section>
          <section className="card" aria-labelledby="void-expenditure">
            <h2 id="void-expenditure">{t('budget.expenditures.voidHeading')}</h2>
            <BudgetForm
              action={voidExpenditureAction}
              hidden={{ planId: String(plan.id), expenditureId: String(current.id) }}
              fields={[{ name: 'reason', label: t('budget.expenditures.fields.reason'), type: 'textarea', required: true }]}
              submitLabel={t('budget.expenditures.void')}
            />
          </section>
        </>
      ) : mayRecord ? (
        <p className="muted">{t('budget.expenditures.notCurrent')}</p>
      ) : null}
    </>
  );
}
