import fc from 'fast-check';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { queryRows } from '@/db/queries/raw';
import { progressUpdates } from '@/db/schema';
import { periodsBetween } from '@/lib/periods';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertCities, insertIndicator, insertPlan } from '../support/fixtures';

// The dashboards' summary (progress_totals, progress_latest, their per-indicator roll-ups and the level changes; drizzle/0006, 0008, 0010) is kept by a trigger in the writing
// transaction, the sums by delta (db/sql). After any sequence of inserts, corrections (figures, period, place,
// indicator), status changes (approve, return, … one row or several in one statement) and removals it must equal
// the summary rebuilt from scratch — on both drivers. Figures mix a value with a numerator and denominator (a
// percent), so that a sum whose last figure goes must become missing again, not 0.

let handle: DbHandle;
let indicatorId: number;
let otherIndicatorId: number;
let cityIds: number[];
const periods = periodsBetween('quarterly', '2020-01-01', '2020-12-31');

beforeAll(async () => {
  handle = await createTestDatabase();
  const { plan, goal } = await insertPlan(handle.db);
  cityIds = (await insertCities(handle.db, 3)).map((c) => c.id);
  indicatorId = (await insertIndicator(handle.db, { planId: plan.id, goalId: goal.id }, { code: 'SUM', accumulation: 'cumulative' })).id;
  otherIndicatorId = (await insertIndicator(handle.db, { planId: plan.id, goalId: goal.id }, { code: 'PCT', accumulation: 'snapshot' })).id;
});

afterAll(async () => {
  await handle?.close();
});

const statusArb = fc.constantFrom('approved', 'approved', 'submitted', 'draft', 'returned', 'withdrawn') as fc.Arbitrary<
  'approved' | 'submitted' | 'draft' | 'returned' | 'withdrawn'
>;
// A value, or a numerator and denominator with no value (a percent).
const figuresArb = fc.oneof(
  fc.nat(1000).map((value) => ({ value, numerator: null, denominator: null })),
  fc.tuple(fc.nat(50), fc.integer({ min: 50, max: 100 })).map(([numerator, denominator]) => ({ value: null, numerator, denominator })),
);
const opArb = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), other: fc.boolean(), quarter: fc.nat(3), city: fc.integer({ min: -1, max: 2 }), figures: figuresArb, status: statusArb }),
  fc.record({ op: fc.constant('status' as const), pick: fc.nat(), status: statusArb }),
  fc.record({ op: fc.constant('statusMany' as const), picks: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }), status: statusArb }),
  fc.record({ op: fc.constant('correct' as const), pick: fc.nat(), other: fc.boolean(), quarter: fc.nat(3), city: fc.integer({ min: -1, max: 2 }), figures: figuresArb }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
);

const totalsNow = sql`select indicator_id, status::text, period_start::text, period_end::text, updates,
  value::float8, numerator::float8, denominator::float8, last_updated_at::text
  from progress_totals order by 1, 2, 3, 4`;
const totalsRebuilt = sql`select indicator_id, status::text, period_start::text, period_end::text, count(*)::int as updates,
  sum(value)::float8 as value, sum(numerator)::float8 as numerator, sum(denominator)::float8 as denominator,
  max(updated_at)::text as last_updated_at
  from progress_updates group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
const latestNow = sql`select indicator_id, counted, city_key, cluster_key, partner_key, update_id::int, period_end::text, value::float8,
  period_start, numerator::float8, denominator::float8
  from progress_latest order by 1, 2, 3, 4, 5`;
const latestRebuilt = sql`select distinct on (u.indicator_id, s.counted, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0))
    u.indicator_id, s.counted, coalesce(u.city_id, 0) as city_key, coalesce(u.cluster_id, 0) as cluster_key,
    coalesce(u.partner_id, 0) as partner_key, u.id::int as update_id, u.period_end::text, u.value::float8,
    u.period_start, u.numerator::float8, u.denominator::float8
  from progress_updates u
  join (values ('approved', array['approved']::update_status[]), ('submitted', array['approved', 'submitted']::update_status[])) as s(counted, statuses)
    on u.status = any (s.statuses)
  order by u.indicator_id, s.counted, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0), u.period_end desc, u.id desc`;

const rollupsNow = sql`select indicator_id, status::text, updates, value::float8, numerator::float8, denominator::float8,
  last_updated_at::text, max_period_start::text
  from progress_indicator_totals order by 1, 2`;
const rollupsRebuilt = sql`select indicator_id, status::text, count(*)::int as updates, sum(value)::float8 as value,
  sum(numerator)::float8 as numerator, sum(denominator)::float8 as denominator,
  max(updated_at)::text as last_updated_at, max(period_start)::text as max_period_start
  from progress_updates group by 1, 2 order by 1, 2`;
const levelsNow = sql`select indicator_id, counted, series, value::float8, numerator::float8, denominator::float8, max_period_start::text
  from progress_indicator_levels order by 1, 2`;
const levelsRebuilt = sql`select indicator_id, counted, count(*)::int as series, sum(value)::float8 as value,
  sum(numerator)::float8 as numerator, sum(denominator)::float8 as denominator, max(period_start)::text as max_period_start
  from (${latestRebuilt}) l group by 1, 2 order by 1, 2`;

// progress_level_changes (drizzle/0010): rows whose every change is zero add nothing, so both sides leave them out.
const nonZero = sql`(series <> 0 or value <> 0 or value_series <> 0 or numerator <> 0 or numerator_series <> 0
  or denominator <> 0 or denominator_series <> 0)`;
const changesNow = sql`select indicator_id, counted, period_end::text, series, value::float8, value_series, numerator::float8,
  numerator_series, denominator::float8, denominator_series
  from progress_level_changes where ${nonZero} order by 1, 2, 3`;
const changesRebuilt = sql`with last_at as (
    select distinct on (k.counted, u.indicator_id, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0), u.period_end)
      k.counted, u.indicator_id, coalesce(u.city_id, 0) as ck, coalesce(u.cluster_id, 0) as lk, coalesce(u.partner_id, 0) as pk,
      u.period_end, u.value, u.numerator, u.denominator
    from progress_updates u
    join (values ('approved'), ('submitted')) as k(counted) on u.status = 'approved' or (k.counted = 'submitted' and u.status = 'submitted')
    order by 1, 2, 3, 4, 5, 6, u.id desc
  ),
  steps as (
    select counted, indicator_id, period_end, case when lag(period_end) over w is null then 1 else 0 end as series,
      coalesce(value, 0) - coalesce(lag(value) over w, 0) as value,
      (value is not null)::int - (lag(value) over w is not null)::int as value_series,
      coalesce(numerator, 0) - coalesce(lag(numerator) over w, 0) as numerator,
      (numerator is not null)::int - (lag(numerator) over w is not null)::int as numerator_series,
      coalesce(denominator, 0) - coalesce(lag(denominator) over w, 0) as denominator,
      (denominator is not null)::int - (lag(denominator) over w is not null)::int as denominator_series
    from last_at window w as (partition by counted, indicator_id, ck, lk, pk order by period_end)
  )
  select * from (
    select indicator_id, counted, period_end::text, sum(series)::int as series, sum(value)::float8 as value,
      sum(value_series)::int as value_series, sum(numerator)::float8 as numerator, sum(numerator_series)::int as numerator_series,
      sum(denominator)::float8 as denominator, sum(denominator_series)::int as denominator_series
    from steps group by 1, 2, 3
  ) s where ${nonZero} order by 1, 2, 3`;

async function expectRebuilt() {
  expect(await queryRows(handle.db, totalsNow)).toEqual(await queryRows(handle.db, totalsRebuilt));
  expect(await queryRows(handle.db, latestNow)).toEqual(await queryRows(handle.db, latestRebuilt));
  expect(await queryRows(handle.db, rollupsNow)).toEqual(await queryRows(handle.db, rollupsRebuilt));
  expect(await queryRows(handle.db, levelsNow)).toEqual(await queryRows(handle.db, levelsRebuilt));
  expect(await queryRows(handle.db, changesNow)).toEqual(await queryRows(handle.db, changesRebuilt));
}

describe(`the dashboards' summary follows every write (${driverUnderTest})`, () => {
  it('makes a sum missing again when its last figure goes, and lowers a maximum when the row holding it goes', async () => {
    await handle.db.execute(sql`delete from progress_updates`);
    const [q1, q2] = [periods[0]!, periods[1]!];
    const insert = async (values: Partial<typeof progressUpdates.$inferInsert>) =>
      (
        await handle.db
          .insert(progressUpdates)
          .values({ indicatorId, periodStart: q1.start, periodEnd: q1.end, cityId: cityIds[0]!, status: 'approved', ...values })
          .returning({ id: progressUpdates.id })
      )[0]!.id;
    // One bucket and one series with a value, then a percent after it: removing the value leaves only the percent.
    const withValue = await insert({ value: 5 });
    const percent = await insert({ numerator: 1, denominator: 2 });
    const later = await insert({ value: 7, periodStart: q2.start, periodEnd: q2.end, cityId: cityIds[1]!, status: 'submitted' });
    await expectRebuilt();
    await handle.db.delete(progressUpdates).where(eq(progressUpdates.id, withValue));
    await expectRebuilt();
    // The series holding the latest period start goes back a quarter, then is returned: the maximum falls.
    await handle.db.update(progressUpdates).set({ periodStart: q1.start, periodEnd: q1.end }).where(eq(progressUpdates.id, later));
    await expectRebuilt();
    await handle.db.update(progressUpdates).set({ status: 'returned' }).where(inArray(progressUpdates.id, [later, percent]));
    await expectRebuilt();
  });


  it('equals the summary rebuilt from the updates after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
        await handle.db.execute(sql`delete from progress_updates`);
        const ids: number[] = [];
        for (const o of ops) {
          if (o.op === 'insert') {
            const period = periods[o.quarter]!;
            const [row] = await handle.db
              .insert(progressUpdates)
              .values({
                indicatorId: o.other ? otherIndicatorId : indicatorId,
                periodStart: period.start,
                periodEnd: period.end,
                ...o.figures,
                cityId: o.city >= 0 ? cityIds[o.city]! : null,
                status: o.status,
              })
              .returning({ id: progressUpdates.id });
            ids.push(row!.id);
            continue;
          }
          if (ids.length === 0) continue;
          if (o.op === 'statusMany') {
            // One statement changing several rows (a reviewer approving or returning a batch).
            const many = [...new Set(o.picks.map((p) => ids[p % ids.length]!))];
            await handle.db.update(progressUpdates).set({ status: o.status, updatedAt: sql`now() + interval '1 second'` }).where(inArray(progressUpdates.id, many));
            continue;
          }
          const id = ids[o.pick % ids.length]!;
          if (o.op === 'status') {
            await handle.db.update(progressUpdates).set({ status: o.status }).where(eq(progressUpdates.id, id));
          } else if (o.op === 'correct') {
            const period = periods[o.quarter]!;
            await handle.db
              .update(progressUpdates)
              .set({
                indicatorId: o.other ? otherIndicatorId : indicatorId,
                ...o.figures,
                periodStart: period.start,
                periodEnd: period.end,
                cityId: o.city >= 0 ? cityIds[o.city]! : null,
              })
              .where(eq(progressUpdates.id, id));
          } else {
            await handle.db.delete(progressUpdates).where(eq(progressUpdates.id, id));
            ids.splice(ids.indexOf(id), 1);
          }
        }
        await expectRebuilt();
      }),
      { numRuns: driverUnderTest === 'pglite' ? 25 : 40 },
    );
  });

  it('keeps the counts of concurrent writers to one bucket', async () => {
    await handle.db.execute(sql`delete from progress_updates`);
    const period = periods[0]!;
    await Promise.all(
      Array.from({ length: 12 }, (_, k) =>
        handle.db.transaction((tx) =>
          tx.insert(progressUpdates).values({ indicatorId, periodStart: period.start, periodEnd: period.end, value: k + 1, cityId: cityIds[k % 3]!, status: 'approved' }),
        ),
      ),
    );
    const [bucket] = await queryRows<{ updates: number; value: number }>(
      handle.db,
      sql`select updates, value::float8 as value from progress_totals where indicator_id = ${indicatorId} and status = 'approved'`,
    );
    expect(bucket).toEqual({ updates: 12, value: 78 });
    expect(await queryRows(handle.db, latestNow)).toEqual(await queryRows(handle.db, latestRebuilt));
    expect(await queryRows(handle.db, changesNow)).toEqual(await queryRows(handle.db, changesRebuilt));
  });
});
