import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { planActuals } from '@/db/read-model';
import { queryRows } from '@/db/queries/raw';
import { indicators, progressUpdates, progressUpdateVersions } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertCities, insertIndicator, insertPlan } from '../support/fixtures';

// A plan's actuals as known at the end of a past day are kept once computed (db/sql/progress-snapshots.sql), and dropped by
// the triggers whenever a write could change them: a back-dated update or version, an indicator that stops
// counting or counts differently. Writes stamped now leave them in place (and do not change them).

let handle: DbHandle;
let planId: number;
let cumulativeId: number;
let sumId: number;
let cityIds: number[];
const day = '2020-06-30';

const kept = async () =>
  (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from progress_as_of_snapshots where as_of = ${day}::date`))[0]!.n;

const actuals = async () => Object.fromEntries([...(await planActuals(handle.db, planId, { asOf: day, knownOn: day }, ['approved']))].map(([id, r]) => [id, r.value]));

async function logged(indicatorId: number, value: number, city: number, createdAt: string, periodEnd = '2020-03-31') {
  const [row] = await handle.db
    .insert(progressUpdates)
    .values({
      indicatorId,
      periodStart: '2020-01-01',
      periodEnd,
      value,
      cityId: cityIds[city]!,
      status: 'approved',
      createdAt: new Date(createdAt),
    })
    .returning();
  return row!;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const { plan, goal } = await insertPlan(handle.db);
  planId = plan.id;
  cityIds = (await insertCities(handle.db, 2)).map((c) => c.id);
  cumulativeId = (await insertIndicator(handle.db, { planId, goalId: goal.id }, { code: 'CU', accumulation: 'cumulative' })).id;
  sumId = (await insertIndicator(handle.db, { planId, goalId: goal.id }, { code: 'NC', accumulation: 'non_cumulative' })).id;
  await logged(cumulativeId, 10, 0, '2020-04-02T10:00:00Z');
  await logged(cumulativeId, 5, 1, '2020-04-03T10:00:00Z');
  await logged(sumId, 7, 0, '2020-04-03T10:00:00Z');
  // Logged after the day: not part of what stood then.
  await logged(sumId, 100, 1, '2020-08-01T10:00:00Z');
});

afterAll(async () => {
  await handle?.close();
});

describe(`a past day's actuals are kept and dropped when they could change (${driverUnderTest})`, () => {
  it('computes once, keeps the result and reads it back', async () => {
    expect(await kept()).toBe(0);
    const first = await actuals();
    expect(first).toEqual({ [cumulativeId]: 15, [sumId]: 7 });
    expect(await kept()).toBe(1);
    expect(await actuals()).toEqual(first);
  });

  it('keeps the snapshot through writes stamped now, which do not change the past', async () => {
    const later = await logged(cumulativeId, 40, 0, new Date().toISOString(), '2020-06-30');
    await handle.db.insert(progressUpdateVersions).values({
      updateId: later.id,
      version: 1,
      value: 40,
      periodStart: later.periodStart,
      periodEnd: later.periodEnd,
      cityId: later.cityId,
      status: 'approved',
    });
    expect(await kept()).toBe(1);
    expect(await actuals()).toEqual({ [cumulativeId]: 15, [sumId]: 7 });
  });

  it('drops it when a back-dated update or version is written, and recomputes the right figures', async () => {
    await logged(sumId, 3, 1, '2020-05-01T10:00:00Z');
    expect(await kept()).toBe(0);
    expect(await actuals()).toEqual({ [cumulativeId]: 15, [sumId]: 10 });
    expect(await kept()).toBe(1);

    const [first] = await handle.db.select().from(progressUpdates).where(eq(progressUpdates.indicatorId, cumulativeId)).limit(1);
    await handle.db.insert(progressUpdateVersions).values({
      updateId: first!.id,
      version: 1,
      value: 1,
      periodStart: first!.periodStart,
      periodEnd: first!.periodEnd,
      cityId: first!.cityId,
      status: 'approved',
      createdAt: new Date('2020-05-02T10:00:00Z'),
    });
    expect(await kept()).toBe(0);
  });

  it('drops it when an indicator of the plan is retired', async () => {
    await actuals();
    expect(await kept()).toBe(1);
    await handle.db.update(indicators).set({ retiredAt: new Date() }).where(eq(indicators.id, sumId));
    expect(await kept()).toBe(0);
    expect(Object.keys(await actuals())).toEqual([String(cumulativeId)]);
  });

  it('never keeps a day that has not ended more than a day ago', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await planActuals(handle.db, planId, { asOf: today, knownOn: today }, ['approved']);
    await logged(cumulativeId, 1, 1, new Date().toISOString());
    await planActuals(handle.db, planId, { asOf: today, knownOn: today }, ['approved']);
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from progress_as_of_snapshots where as_of >= ${today}::date - 1`);
    expect(row!.n).toBe(0);
  });
});
