import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { clampAsOf } from '@/lib/periods';
import type { Db } from '../client';
import { goals, indicators, users, workPlans } from '../schema';
import { getStoredAsOfDate } from './settings';

export type WorkPlan = typeof workPlans.$inferSelect;

/**
 * The plan a view shows: the requested year (its endorsed plan first), else the latest endorsed plan. A closed
 * plan was endorsed: after year end it stays the default until the next plan is endorsed, rather than a draft.
 */
export async function findPlan(db: Db, year?: number): Promise<WorkPlan | undefined> {
  const byEndorsementThenRecency = [
    desc(inArray(workPlans.status, ['endorsed', 'closed'])),
    desc(workPlans.year),
    desc(workPlans.id),
  ];
  const [plan] = await db
    .select()
    .from(workPlans)
    .where(year === undefined ? undefined : eq(workPlans.year, year))
    .orderBy(...byEndorsementThenRecency)
    .limit(1);
  return plan;
}

export async function listPlans(db: Db) {
  return db
    .select({ id: workPlans.id, year: workPlans.year, title: workPlans.title, status: workPlans.status })
    .from(workPlans)
    .orderBy(desc(workPlans.year), desc(workPlans.id));
}

/** Every date-dependent view uses one as-of date: today (or the demo's stored date), clamped to the plan. */
export async function asOfDateFor(db: Db, plan: WorkPlan, today = new Date().toISOString().slice(0, 10)) {
  const stored = await getStoredAsOfDate(db);
  return clampAsOf(stored ?? today, plan.startDate, plan.endDate);
}

export async function planGoals(db: Db, planId: number) {
  return db
    .select()
    .from(goals)
    .where(and(eq(goals.planId, planId), isNull(goals.retiredAt)))
    .orderBy(asc(goals.sortOrder), asc(goals.code));
}

/**
 * The columns of an indicator the dashboards evaluate and list: not its long texts (definition, means of
 * verification…), which at 1,000 indicators were most of what every overview and report load read and mapped.
 */
const dashboardColumns = {
  id: indicators.id,
  planId: indicators.planId,
  goalId: indicators.goalId,
  code: indicators.code,
  name: indicators.name,
  nameZh: indicators.nameZh,
  unit: indicators.unit,
  valueKind: indicators.valueKind,
  accumulation: indicators.accumulation,
  direction: indicators.direction,
  baselineValue: indicators.baselineValue,
  baselineDate: indicators.baselineDate,
  targetValue: indicators.targetValue,
  targetDate: indicators.targetDate,
  frequency: indicators.frequency,
  source: indicators.source,
  derivedKey: indicators.derivedKey,
  disaggregations: indicators.disaggregations,
  sortOrder: indicators.sortOrder,
};
export type PlanIndicator = { [K in keyof typeof dashboardColumns]: (typeof indicators.$inferSelect)[K] };

/** What every view that lists an indicator says of it: which one it is and how its values read. */
export type IndicatorHeading = Pick<
  PlanIndicator,
  'id' | 'code' | 'name' | 'nameZh' | 'unit' | 'valueKind' | 'accumulation' | 'direction' | 'frequency' | 'source'
>;

export function indicatorHeading(i: IndicatorHeading): IndicatorHeading {
  const { id, code, name, nameZh, unit, valueKind, accumulation, direction, frequency, source } = i;
  return { id, code, name, nameZh, unit, valueKind, accumulation, direction, frequency, source };
}

export async function planIndicators(db: Db, planId: number): Promise<{ indicator: PlanIndicator; ownerName: string | null }[]> {
  return db
    .select({ indicator: dashboardColumns, ownerName: users.name })
    .from(indicators)
    .leftJoin(users, eq(users.id, indicators.ownerId))
    .where(and(eq(indicators.planId, planId), isNull(indicators.retiredAt)))
    .orderBy(asc(indicators.sortOrder), asc(indicators.code));
}
