import type { Db } from '@/db/client';
import { listExpenditures } from '@/db/queries/budget/expenditures';
import { monthlySpendSeries, planBudgetRevisions } from '@/db/queries/budget/series';
import { budgetSummary } from '@/db/queries/budget/summary';
import { findPlan, listPlans, planGoals } from '@/db/queries/plans';

/** The budget page of a plan: utilisation at every level, the monthly series, revisions, the latest expenditures. */
export async function budgetPage(db: Db, year?: number) {
  const plan = await findPlan(db, year);
  if (!plan) return undefined;
  const summary = await budgetSummary(db, plan);
  const [series, revisions, recent, plans, goals] = await Promise.all([
    monthlySpendSeries(db, plan.id, summary.asOf),
    planBudgetRevisions(db, plan.id),
    listExpenditures(db, plan.id, { upTo: summary.asOf, limit: 20 }),
    listPlans(db),
    planGoals(db, plan.id),
  ]);
  return { ...summary, series, revisions, recent, plans, goals };
}
