import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { UpdateStatus } from '@/db/read-model';
import { progressUpdates, progressUpdateVersions } from '@/db/schema';
import { addDays, type Period } from '@/lib/periods';
import type { Observation, ValueKind } from '@/lib/progress/types';

/**
 * Random histories of progress updates for the read-model property tests, and the oracle's view of them: each
 * update is created on a day, then changed on later days (corrected, approved, returned, withdrawn, moved to
 * another city), every change archiving the previous state in progress_update_versions as the app does.
 * Days run from 1 Jan 2020 to mid-2021, so updates are often logged long after (back-dated) or before their
 * period ends.
 */

export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface State extends Figure {
  status: UpdateStatus;
  city: number;
  cluster: number;
  partner: number;
}

export interface History {
  quarter: number;
  createdDay: number;
  initial: State;
  changes: { day: number; next: State }[];
}

const DAY0 = '2020-01-01';
export const dayDate = (n: number) => addDays(DAY0, n);

const statusArb = fc.constantFrom<UpdateStatus>('approved', 'approved', 'approved', 'submitted', 'draft', 'returned', 'withdrawn');

function stateArb(valueKind: ValueKind) {
  return fc.record({
    status: statusArb,
    // Few members: series (city, cluster, partner) often meet in one period, where ties are decided.
    city: fc.constantFrom(-1, 0, 0, 1),
    cluster: fc.constantFrom(-1, 0, 0, 0, 1),
    partner: fc.constantFrom(-1, -1, -1, 0),
    value: fc.integer({ min: 0, max: 4_000 }).map((v) => (valueKind === 'percent' ? null : v / 4)),
    numerator: fc.integer({ min: 0, max: 300 }),
    extra: fc.integer({ min: 1, max: 300 }),
  }).map(({ numerator, extra, value, ...rest }): State => ({
    ...rest,
    value,
    numerator: valueKind === 'percent' ? numerator : null,
    denominator: valueKind === 'percent' ? numerator + extra : null,
  }));
}

export function historyArb(valueKind: ValueKind) {
  return fc
    .record({
      quarter: fc.integer({ min: 0, max: 3 }),
      createdDay: fc.integer({ min: 0, max: 500 }),
      initial: stateArb(valueKind),
      changes: fc.array(fc.record({ after: fc.integer({ min: 0, max: 120 }), next: stateArb(valueKind) }), { maxLength: 3 }),
    })
    .map(({ changes, ...h }): History => {
      let day = h.createdDay;
      return { ...h, changes: changes.map((c) => ({ day: (day += c.after), next: c.next })) };
    });
}

/** A moment on a day: histories act at 09:00 UTC, and a change on the day of creation comes later that day. */
const at = (day: number, hour = 9) => new Date(`${dayDate(day)}T${String(hour).padStart(2, '0')}:00:00Z`);

export interface Dimensions {
  cities: number[];
  clusters: number[];
  partners: number[];
}

const pick = (ids: number[], i: number) => (i >= 0 ? ids[i]! : null);

function columns(s: State, dims: Dimensions) {
  return {
    value: s.value,
    numerator: s.numerator,
    denominator: s.denominator,
    status: s.status,
    cityId: pick(dims.cities, s.city),
    clusterId: pick(dims.clusters, s.cluster),
    partnerId: pick(dims.partners, s.partner),
  };
}

/** Writes the histories of one indicator: an insert, then one update per change with its archived version. */
export async function writeHistories(db: Db, indicatorId: number, periods: readonly Period[], histories: readonly History[], dims: Dimensions) {
  const ids: number[] = [];
  for (const h of histories) {
    const period = periods[h.quarter]!;
    const [row] = await db
      .insert(progressUpdates)
      .values({
        indicatorId,
        periodStart: period.start,
        periodEnd: period.end,
        ...columns(h.initial, dims),
        createdAt: at(h.createdDay),
        updatedAt: at(h.createdDay),
      })
      .returning({ id: progressUpdates.id });
    ids.push(row!.id);
    let previous = h.initial;
    for (const [k, c] of h.changes.entries()) {
      const moment = at(c.day, 10 + k);
      await db.insert(progressUpdateVersions).values({
        updateId: row!.id,
        version: k + 1,
        periodStart: period.start,
        periodEnd: period.end,
        ...columns(previous, dims),
        createdAt: moment,
      });
      await db
        .update(progressUpdates)
        .set({ ...columns(c.next, dims), version: k + 2, updatedAt: moment })
        .where(eq(progressUpdates.id, row!.id));
      previous = c.next;
    }
  }
  return ids;
}

export async function clearUpdates(db: Db, indicatorIds: readonly number[]) {
  for (const id of indicatorIds) {
    await db.execute(sql`delete from progress_update_versions where update_id in (select id from progress_updates where indicator_id = ${id})`);
    await db.execute(sql`delete from progress_updates where indicator_id = ${id}`);
  }
}

/**
 * The oracle's observations: each update's state as known at the end of `knownOn` (null: now) — created by
 * then, with every change made by then applied — kept when its status counts, in id order (the tie rule).
 */
export function knownObservations(
  histories: readonly History[],
  periods: readonly Period[],
  knownOn: string | null,
  statuses: readonly UpdateStatus[],
  keep: (s: State) => boolean = () => true,
): Observation[] {
  const before = (day: number) => knownOn === null || dayDate(day) <= knownOn;
  const out: Observation[] = [];
  for (const h of histories) {
    if (!before(h.createdDay)) continue;
    let state = h.initial;
    for (const c of h.changes) if (before(c.day)) state = c.next;
    if (!statuses.includes(state.status) || !keep(state)) continue;
    const period = periods[h.quarter]!;
    out.push({
      periodStart: period.start,
      periodEnd: period.end,
      value: state.value,
      numerator: state.numerator,
      denominator: state.denominator,
      seriesKey: `${state.city}|${state.cluster}|${state.partner}`,
    });
  }
  return out;
}
