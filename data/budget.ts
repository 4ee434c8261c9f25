import 'server-only';
import { getDb } from '@/db';
import { expenditureHistory, listExpenditures } from '@/db/queries/budget/expenditures';
import { planBudgetLines } from '@/db/queries/budget/lines';
import { planBudgetRevisions } from '@/db/queries/budget/series';
import { budgetSummary } from '@/db/queries/budget/summary';
import { planBaseCurrency } from '@/db/queries/budget/utilisation';
import { findPlan, planGoals } from '@/db/queries/plans';
import { requireUser } from '@/data/auth/session';
import { sealed } from '@/data/view-seal';
import { budgetPageView, budgetSummaryView, viewDay } from '@/data/views';

/**
 * The budget's reads for views and exports, behind the policy. Utilisation comes from db/queries/budget
 * (one SQL home); achievement comes from the overview's own evaluation — this module only puts them side by side.
 */

export type { BudgetSummary } from '@/db/queries/budget/summary';

/** The budget page: utilisation at every level, the monthly series, revisions, recent expenditures. */
export async function loadBudgetPage(year?: number) {
  await requireUser('dashboard.read');
  return budgetPageView(...sealed(year ?? null, viewDay()));
}

/** The overview tile (without the goals' delivery) and the committee report's section: the summary alone. */
export async function loadBudgetSummary(year?: number, asOf?: string, options: { delivery?: boolean } = {}) {
  await requireUser('dashboard.read');
  return budgetSummaryView(...sealed(year ?? null, asOf ?? null, options.delivery !== false, viewDay()));
}

/** The lines page (admins): lines, goals, currency, revisions. */
export async function loadBudgetLines(year?: number) {
  await requireUser('budget.edit');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan) return undefined;
  const [lines, goals, currency, revisions] = await Promise.all([planBudgetLines(db, plan.id), planGoals(db, plan.id), planBaseCurrency(db, plan.id), planBudgetRevisions(db, plan.id)]);
  return { plan, lines, goals, currency, revisions };
}

/** The expenditures page (staff and admins): the lines to spend against and every counted expenditure. */
export async function loadExpenditures(year?: number) {
  await requireUser('expenditure.record');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan) return undefined;
  const [lines, currency, rows] = await Promise.all([planBudgetLines(db, plan.id), planBaseCurrency(db, plan.id), listExpenditures(db, plan.id, { limit: 500 })]);
  return { plan, lines, currency, rows };
}

export async function loadExpenditure(year: number | undefined, id: number) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan) return undefined;
  const [history, lines, currency] = await Promise.all([expenditureHistory(db, plan.id, id), planBudgetLines(db, plan.id), planBaseCurrency(db, plan.id)]);
  return history.length > 0 ? { plan, history, lines, currency } : undefined;
}

/** Every counted expenditure up to the as-of date, for the export. */
export async function loadBudgetExport(year?: number) {
  await requireUser('report.export');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan) return undefined;
  const summary = await budgetSummary(db, plan, undefined, { delivery: false });
  const expenditures = await listExpenditures(db, plan.id, { upTo: summary.asOf });
  return { ...summary, expenditures };
}
