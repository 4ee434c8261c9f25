import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../client';
import { goals, indicators } from '../../schema';
import { findPlan } from '../plans';

/** A goal of a plan (the current one without a year) and the codes of its indicators, in the plan's order. */
export async function goalIndicatorCodes(db: Db, code: string, year: number | undefined) {
  const plan = await findPlan(db, year);
  if (!plan) return undefined;
  const [goal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.planId, plan.id), eq(goals.code, code), isNull(goals.retiredAt)));
  if (!goal) return undefined;
  const rows = await db
    .select({ code: indicators.code })
    .from(indicators)
    .where(and(eq(indicators.goalId, goal.id), isNull(indicators.retiredAt)))
    .orderBy(asc(indicators.sortOrder), asc(indicators.code));
  return { plan, goal, indicatorCodes: rows.map((r) => r.code) };
}
