import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { findPlan } from '@/db/queries/plans';
import { goals, indicators } from '@/db/schema';
import { requireUser } from '@/data/auth/session';
import { viewDay, type IndicatorChartViewArgs } from '@/data/views';
import { sealed } from '@/data/view-seal';

/** The reads behind the charts, behind the policy: pages and components call these, never db/queries directly. */

/**
 * The sealed arguments of one indicator's chart view, for a rendering of it cached as a whole (the goal and indicator
 * pages): authorized here, on every request; the view answers only to arguments sealed here.
 */
export async function indicatorChartViewArgs(code: string, options: { year?: number; includeSubmitted?: boolean; breakdownBy?: string } = {}): Promise<IndicatorChartViewArgs> {
  await requireUser('dashboard.read');
  return sealed(code, options, viewDay());
}

/** A goal of a plan with the chart of each of its indicators (in the plan's order). */
export async function loadGoalCharts(code: string, options: { year?: number; includeSubmitted?: boolean } = {}) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const plan = await findPlan(db, options.year);
  if (!plan) return undefined;
  const [goal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.planId, plan.id), eq(goals.code, code), isNull(goals.retiredAt)));
  if (!goal) return undefined;
  const rows = await db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(and(eq(indicators.goalId, goal.id), isNull(indicators.retiredAt)))
    .orderBy(asc(indicators.sortOrder), asc(indicators.code));
  return { plan, goal, indicatorCodes: rows.map((r) => r.code) };
}

