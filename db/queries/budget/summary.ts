import type { Db } from '@/db/client';
import { planBaseCurrency, utilisationAsOf } from '@/db/queries/budget/utilisation';
import { getOverview } from '@/db/queries/overview';
import { asOfDateFor, type WorkPlan } from '@/db/queries/plans';
import { deliveryShare } from '@/lib/budget/money';

/**
 * The budget's summary for a plan as of a date: utilisation at every level (one SQL home, ./utilisation.ts) beside
 * the goals' delivery to date from the overview's own evaluation; this module only puts them side by side.
 */

/** Goals' delivery to date, overall and per goal code, from the overview's evaluation of every indicator. */
async function deliveryOf(db: Db, plan: WorkPlan, asOf: string) {
  const overview = await getOverview(db, { year: plan.year, to: asOf, openGoals: 'all' });
  const perGoal = new Map<string, number | null>();
  const all: (number | null)[] = [];
  for (const goal of overview?.goals ?? []) {
    const achievements = goal.indicators.map((i) => i.evaluation.achievement);
    perGoal.set(goal.code, deliveryShare(achievements));
    all.push(...achievements);
  }
  return { overall: deliveryShare(all), perGoal };
}

/** The summary on the plan's as-of date, or on an earlier date a report asks for (never later). */
export async function budgetSummary(db: Db, plan: WorkPlan, asOfWanted?: string, options: { delivery?: boolean } = {}) {
  const planAsOf = await asOfDateFor(db, plan);
  const asOf = asOfWanted && asOfWanted >= plan.startDate && asOfWanted < planAsOf ? asOfWanted : planAsOf;
  const [{ rows, timing }, currency, delivery] = await Promise.all([
    utilisationAsOf(db, plan.id, asOf),
    planBaseCurrency(db, plan.id),
    options.delivery === false ? { overall: null, perGoal: new Map<string, number | null>() } : deliveryOf(db, plan, asOf),
  ]);
  const overall = rows.find((r) => r.level === 'plan')!;
  return { plan, asOf, currency, rows, overall, timing, delivery, hasLines: rows.some((r) => r.level === 'line') };
}
export type BudgetSummary = Awaited<ReturnType<typeof budgetSummary>>;

