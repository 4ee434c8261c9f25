import { and, desc, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { isIsoDate, periodKey, periodsBetween, type Period } from '@/lib/periods';
import type { Figures } from '@/lib/validation/updates';
import { cities, clusters, indicators, partners, periodLocks, progressUpdates, users, workPlans } from '../../schema';
import type { DbOrTx } from '../audit';
import { addError, problem, type FieldErrors, type Problem } from './types';

/**
 * Where an update goes and whether it may go there: its indicator (by code within a plan), its period (from
 * the indicator's frequency, inside the plan), locks, the disaggregations the indicator allows, and the
 * plausibility checks against the series' last value. Shared by the forms and the import.
 */

export type Indicator = typeof indicators.$inferSelect;
export type Plan = typeof workPlans.$inferSelect;

export async function findIndicatorByCode(db: DbOrTx, planId: number, code: string): Promise<Indicator | undefined> {
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.planId, planId), sql`lower(${indicators.code}) = ${code.trim().toLowerCase()}`, isNull(indicators.retiredAt)));
  return row;
}

export async function findPlanById(db: DbOrTx, planId: number): Promise<Plan | undefined> {
  const [row] = await db.select().from(workPlans).where(eq(workPlans.id, planId));
  return row;
}

/** The indicator's reporting periods within its plan, each with its stable key (2020-Q4, 2020-H1…). */
export function indicatorPeriods(indicator: Pick<Indicator, 'frequency'>, plan: Pick<Plan, 'startDate' | 'endDate'>) {
  return periodsBetween(indicator.frequency, plan.startDate, plan.endDate).map((p) => ({
    ...p,
    key: periodKey(p, indicator.frequency),
  }));
}

/** A period given by key (2020-Q4) or by any date inside it; undefined when outside the plan. */
export function resolvePeriod(
  indicator: Pick<Indicator, 'frequency'>,
  plan: Pick<Plan, 'startDate' | 'endDate'>,
  given: string,
): Period | undefined {
  const text = given.trim().toUpperCase();
  return indicatorPeriods(indicator, plan).find(
    (p) => p.key.toUpperCase() === text || (isIsoDate(given.trim()) && p.start <= given.trim() && given.trim() <= p.end),
  );
}

export interface LockInfo {
  id: number;
  lockedByName: string | null;
  lockedAt: Date;
  periodStart: string;
  periodEnd: string;
  wholePlan: boolean;
}

/** The lock covering an update's period (its end falls inside a locked range), for this indicator or the plan. */
export async function findLock(db: DbOrTx, planId: number, indicatorId: number, periodEnd: string): Promise<LockInfo | undefined> {
  const [row] = await db
    .select({
      id: periodLocks.id,
      lockedByName: users.name,
      lockedAt: periodLocks.lockedAt,
      periodStart: periodLocks.periodStart,
      periodEnd: periodLocks.periodEnd,
      wholePlan: sql<boolean>`${periodLocks.indicatorId} is null`,
    })
    .from(periodLocks)
    .leftJoin(users, eq(users.id, periodLocks.lockedBy))
    .where(
      and(
        eq(periodLocks.planId, planId),
        sql`(${periodLocks.indicatorId} = ${indicatorId} or ${periodLocks.indicatorId} is null)`,
        sql`${periodLocks.periodStart} <= ${periodEnd}::date and ${periodEnd}::date <= ${periodLocks.periodEnd}`,
      ),
    )
    .limit(1);
  return row;
}

export function lockProblem(lock: LockInfo): Problem {
  return problem('updates.validation.periodLocked', {
    by: lock.lockedByName ?? '—',
    at: new Date(lock.lockedAt).toISOString(),
  });
}

export interface Place {
  cityId?: number | null;
  clusterId?: number | null;
  partnerId?: number | null;
}

/** Disaggregations the indicator does not allow, or registry entries that do not exist (or are archived). */
export async function checkPlace(db: DbOrTx, indicator: Indicator, place: Place, errors: FieldErrors): Promise<void> {
  const checks = [
    { field: 'cityId', kind: 'city', id: place.cityId, table: cities },
    { field: 'clusterId', kind: 'cluster', id: place.clusterId, table: clusters },
    { field: 'partnerId', kind: 'partner', id: place.partnerId, table: partners },
  ] as const;
  for (const c of checks) {
    if (c.id === undefined || c.id === null) continue;
    if (!indicator.disaggregations.includes(c.kind)) {
      addError(errors, c.field, problem('updates.validation.disaggregationNotAllowed', { code: indicator.code, kind: c.kind }));
      continue;
    }
    const [row] = await db
      .select({ id: c.table.id })
      .from(c.table)
      .where(and(eq(c.table.id, c.id), isNull(c.table.archivedAt)));
    if (!row) addError(errors, c.field, problem('updates.validation.choiceInvalid'));
  }
}

const samePlace = (place: Place) =>
  sql`coalesce(${progressUpdates.cityId}, 0) = ${place.cityId ?? 0}
    and coalesce(${progressUpdates.clusterId}, 0) = ${place.clusterId ?? 0}
    and coalesce(${progressUpdates.partnerId}, 0) = ${place.partnerId ?? 0}`;

/** The comparable number of an update: its value, or the percentage for percent indicators. */
export const figureOf = (f: Pick<Figures, 'value' | 'numerator' | 'denominator'>) =>
  f.value ?? (f.numerator !== null && f.denominator ? (100 * f.numerator) / f.denominator : null);

/** The series' last update before this period (withdrawn ones do not count), for the form and the checks. */
export async function lastInSeries(db: DbOrTx, indicatorId: number, place: Place, periodEnd: string, exceptId?: number) {
  const [row] = await db
    .select()
    .from(progressUpdates)
    .where(
      and(
        eq(progressUpdates.indicatorId, indicatorId),
        ne(progressUpdates.status, 'withdrawn'),
        lt(progressUpdates.periodEnd, periodEnd),
        samePlace(place),
        exceptId === undefined ? undefined : ne(progressUpdates.id, exceptId),
      ),
    )
    .orderBy(desc(progressUpdates.periodEnd), desc(progressUpdates.id))
    .limit(1);
  return row;
}

/**
 * Values that look wrong and need the reporter's confirmation: a running total lower than the last one, a value
 * more than ten times the last one, or a second update for the same period and place.
 */
export async function plausibilityWarnings(
  db: DbOrTx,
  indicator: Indicator,
  place: Place,
  period: Period,
  figures: Figures,
  exceptId?: number,
): Promise<Problem[]> {
  const warnings: Problem[] = [];
  const value = figureOf(figures);
  const last = await lastInSeries(db, indicator.id, place, period.end, exceptId);
  const lastValue = last ? figureOf(last) : null;
  if (value !== null && lastValue !== null) {
    if (indicator.accumulation === 'cumulative' && value < lastValue) {
      warnings.push(problem('updates.validation.lowerThanLast', { last: lastValue }));
    }
    if (lastValue > 0 && value > 10 * lastValue) warnings.push(problem('updates.validation.tenTimesLast', { last: lastValue }));
  }
  const [duplicate] = await db
    .select({ id: progressUpdates.id })
    .from(progressUpdates)
    .where(
      and(
        eq(progressUpdates.indicatorId, indicator.id),
        ne(progressUpdates.status, 'withdrawn'),
        eq(progressUpdates.periodEnd, period.end),
        samePlace(place),
        exceptId === undefined ? undefined : ne(progressUpdates.id, exceptId),
      ),
    )
    .limit(1);
  if (duplicate) warnings.push(problem('updates.validation.samePeriodExists'));
  return warnings;
}
