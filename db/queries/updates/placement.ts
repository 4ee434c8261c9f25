import { and, desc, eq, getTableColumns, isNull, lt, ne, sql } from 'drizzle-orm';
import { figureOf } from '@/lib/progress/reading';
import { isIsoDate, periodKey, periodsBetween, type Period } from '@/lib/periods';
import { cities, clusters, indicators, partners, periodLocks, progressUpdates, users, workPlans } from '../../schema';
import type { DbOrTx } from '../audit';
import { appliesToIndicator } from '../indicator-scope';
import { prebuilt, type Runner } from '../prebuilt';
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

/**
 * The periods of a frequency within a plan's dates, by key in upper case, computed once per process (the write path
 * resolves a period on every update, and listing and keying years of periods each time would cost it CPU). Small: a few frequencies per plan.
 */
const periodsByKey = new Map<string, Map<string, Period>>();

function periodIndex(indicator: Pick<Indicator, 'frequency'>, plan: Pick<Plan, 'startDate' | 'endDate'>): Map<string, Period> {
  const id = `${indicator.frequency}|${plan.startDate}|${plan.endDate}`;
  let index = periodsByKey.get(id);
  if (!index) {
    if (periodsByKey.size >= 256) periodsByKey.clear();
    index = new Map(indicatorPeriods(indicator, plan).map((p) => [p.key.toUpperCase(), Object.freeze(p)]));
    periodsByKey.set(id, index);
  }
  return index;
}

/** A period given by key (2020-Q4) or by any date inside it; undefined when outside the plan. */
export function resolvePeriod(
  indicator: Pick<Indicator, 'frequency'>,
  plan: Pick<Plan, 'startDate' | 'endDate'>,
  given: string,
): Period | undefined {
  const index = periodIndex(indicator, plan);
  const text = given.trim().toUpperCase();
  const date = given.trim();
  const isDate = isIsoDate(date);
  for (const [key, p] of index) {
    // The first period in order that has the key or holds the date, as before.
    if (key === text || (isDate && p.start <= date && date <= p.end)) return { ...p };
  }
  return undefined;
}

export interface LockInfo {
  id: number;
  lockedByName: string | null;
  lockedAt: Date;
  periodStart: string;
  periodEnd: string;
  wholePlan: boolean;
}

const lockFields = {
  id: periodLocks.id,
  lockedByName: users.name,
  lockedAt: periodLocks.lockedAt,
  periodStart: periodLocks.periodStart,
  periodEnd: periodLocks.periodEnd,
  wholePlan: sql<boolean>`${periodLocks.indicatorId} is null`,
};

/** The lock covering an update's period (its end falls inside a locked range), for this indicator or the plan. */
export async function findLock(db: DbOrTx, planId: number, indicatorId: number, periodEnd: string): Promise<LockInfo | undefined> {
  const [row] = await db
    .select(lockFields)
    .from(periodLocks)
    .leftJoin(users, eq(users.id, periodLocks.lockedBy))
    .where(
      and(
        eq(periodLocks.planId, planId),
        appliesToIndicator(periodLocks.indicatorId, indicatorId),
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

type PlaceKind = 'city' | 'cluster' | 'partner';

const placeChecks = (place: Place) =>
  [
    { field: 'cityId', kind: 'city', id: place.cityId, table: cities },
    { field: 'clusterId', kind: 'cluster', id: place.clusterId, table: clusters },
    { field: 'partnerId', kind: 'partner', id: place.partnerId, table: partners },
  ] as const;

/** Whether each registry entry of a place exists and is not archived, where already known (see loadPlacement). */
export type KnownPlace = Partial<Record<PlaceKind, boolean | null>>;

/**
 * Disaggregations the indicator does not allow, or registry entries that do not exist (or are archived). `known`
 * answers from loadPlacement; an entry it does not answer is looked up here.
 */
export async function checkPlace(db: DbOrTx, indicator: Indicator, place: Place, errors: FieldErrors, known: KnownPlace = {}): Promise<void> {
  for (const c of placeChecks(place)) {
    if (c.id === undefined || c.id === null) continue;
    if (!indicator.disaggregations.includes(c.kind)) {
      addError(errors, c.field, problem('updates.validation.disaggregationNotAllowed', { code: indicator.code, kind: c.kind }));
      continue;
    }
    let exists = known[c.kind];
    if (typeof exists !== 'boolean') {
      const [row] = await db
        .select({ id: c.table.id })
        .from(c.table)
        .where(and(eq(c.table.id, c.id), isNull(c.table.archivedAt)));
      exists = Boolean(row);
    }
    if (!exists) addError(errors, c.field, problem('updates.validation.choiceInvalid'));
  }
}

/** A registry id that binds as an integer parameter; anything else is left to checkPlace's own lookup (and its error). */
const int4 = (id: number | null | undefined) =>
  typeof id === 'number' && Number.isInteger(id) && id >= -2147483648 && id <= 2147483647 ? id : null;

export interface LoadedLock extends LockInfo {
  indicatorId: number | null;
}

/** What the checks of a new update read, loaded at once (loadPlacement). */
export interface Placement {
  /** The plan's dates, when the plan has an indicator with that code (else both are undefined). */
  plan: Pick<Plan, 'id' | 'startDate' | 'endDate'> | undefined;
  indicator: Indicator | undefined;
  known: KnownPlace;
  /** The plan's locks: whole-plan ones and those of indicators with the code. */
  locks: LoadedLock[];
}

const sameCode = sql`lower(${indicators.code}) = ${sql.placeholder('code')}`;
const registryEntry = (t: typeof cities | typeof clusters | typeof partners, id: string) =>
  sql<boolean>`exists (select 1 from ${t} where ${t.id} = ${sql.placeholder(id)}::int and ${t.archivedAt} is null)`;

/** findPlanById + findIndicatorByCode, and checkPlace's lookups, in one statement. */
const placementStatement = prebuilt(
  'updates_placement',
  {
    ...getTableColumns(indicators),
    planStartDate: workPlans.startDate,
    planEndDate: workPlans.endDate,
    cityExists: registryEntry(cities, 'cityId'),
    clusterExists: registryEntry(clusters, 'clusterId'),
    partnerExists: registryEntry(partners, 'partnerId'),
  },
  (db, fields) =>
    db
      .select(fields)
      .from(indicators)
      .innerJoin(workPlans, eq(workPlans.id, indicators.planId))
      .where(and(eq(indicators.planId, sql.placeholder('planId')), sameCode, isNull(indicators.retiredAt)))
      .limit(1),
);

/** findLock's candidates: the plan's locks of the whole plan or of indicators with the code, oldest first. */
const locksStatement = prebuilt('updates_placement_locks', { ...lockFields, indicatorId: periodLocks.indicatorId }, (db, fields) =>
  db
    .select(fields)
    .from(periodLocks)
    .leftJoin(users, eq(users.id, periodLocks.lockedBy))
    .where(
      and(
        eq(periodLocks.planId, sql.placeholder('planId')),
        sql`(${periodLocks.indicatorId} is null or ${periodLocks.indicatorId} in (
          select ${indicators.id} from ${indicators}
          where ${indicators.planId} = ${sql.placeholder('planId')} and ${sameCode} and ${indicators.retiredAt} is null))`,
      ),
    )
    .orderBy(periodLocks.id),
);

/**
 * Everything the checks of a new update read, in two statements started together (on a transaction's connection,
 * pipelined: one round trip): the indicator of that code in the plan with the plan's dates (findPlanById +
 * findIndicatorByCode), whether the place's registry entries exist and are not archived (checkPlace), and the locks
 * that could cover its period (findLock, then coveringLock once the period is known). Prebuilt (../prebuilt.ts).
 */
export async function loadPlacement(db: Runner, planId: number, indicatorCode: string, place: Place): Promise<Placement> {
  const code = indicatorCode.trim().toLowerCase();
  const ids = { cityId: int4(place.cityId), clusterId: int4(place.clusterId), partnerId: int4(place.partnerId) };
  const [[found], locks] = await Promise.all([
    placementStatement.run(db, { planId, code, ...ids }),
    locksStatement.run(db, { planId, code }),
  ]);
  if (!found) return { plan: undefined, indicator: undefined, known: {}, locks };
  const { planStartDate, planEndDate, cityExists, clusterExists, partnerExists, ...indicator } = found;
  return {
    plan: { id: indicator.planId, startDate: planStartDate, endDate: planEndDate },
    indicator: indicator as Indicator,
    known: {
      city: ids.cityId === null ? null : cityExists,
      cluster: ids.clusterId === null ? null : clusterExists,
      partner: ids.partnerId === null ? null : partnerExists,
    },
    locks: locks as LoadedLock[],
  };
}

/** findLock over loaded locks: the lock covering a period (its end inside the locked range), for the indicator or the plan. */
export function coveringLock(locks: LoadedLock[], indicatorId: number, periodEnd: string): LockInfo | undefined {
  const lock = locks.find(
    (l) => (l.indicatorId === null || l.indicatorId === indicatorId) && l.periodStart <= periodEnd && periodEnd <= l.periodEnd,
  );
  if (!lock) return undefined;
  const { indicatorId: _, ...info } = lock;
  return info;
}

const samePlace = (place: Place) =>
  sql`coalesce(${progressUpdates.cityId}, 0) = ${place.cityId ?? 0}
    and coalesce(${progressUpdates.clusterId}, 0) = ${place.clusterId ?? 0}
    and coalesce(${progressUpdates.partnerId}, 0) = ${place.partnerId ?? 0}`;

// The comparable number of an update (its value, or the percentage for percent indicators) is a pure rule of
// lib/progress; the queries here and beside here take it from this module.
export { figureOf };

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
