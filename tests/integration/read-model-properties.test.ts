import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  BREAKDOWN_DIMENSIONS,
  countedStatuses,
  indicatorSeries,
  logBreakdown,
  planActuals,
  planStanding,
  type ReadClock,
} from '@/db/read-model';
import { planIndicators } from '@/db/queries/plans';
import { partners } from '@/db/schema';
import { periodsBetween } from '@/lib/periods';
import { actualToDate, aggregateSeries, evaluateIndicator } from '@/lib/progress';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Accumulation, Observation, Reading, ValueKind } from '@/lib/progress/types';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertCities, insertClusters, insertIndicator, insertPlan } from '../support/fixtures';
import { clearUpdates, dayDate, historyArb, knownObservations, writeHistories, type Dimensions, type History } from './read-model-history';

// Every read-model answer equals the lib/progress oracle on random histories — corrections, withdrawals,
// returns, moves between cities, back-dated rows — at random clocks (period time and knowledge time), for every
// logged indicator kind and every breakdown dimension, on both drivers.

let handle: DbHandle;
let plan: Awaited<ReturnType<typeof insertPlan>>['plan'];
let dims: Dimensions;
/** Region of each city index (-1: none). */
const regionOf = (city: number) => (city < 0 ? null : city === 1 ? 'continental' : 'maritime');
const kinds: { code: string; accumulation: Accumulation; valueKind: ValueKind }[] = [
  { code: 'NC', accumulation: 'non_cumulative', valueKind: 'count' },
  { code: 'CU', accumulation: 'cumulative', valueKind: 'count' },
  { code: 'SN', accumulation: 'snapshot', valueKind: 'currency' },
  { code: 'PN', accumulation: 'non_cumulative', valueKind: 'percent' },
  { code: 'PC', accumulation: 'cumulative', valueKind: 'percent' },
];
const ids = new Map<string, number>();
const periods = periodsBetween('quarterly', '2020-01-01', '2020-12-31');
const checked = { runs: 0, comparisons: 0 };

beforeAll(async () => {
  handle = await createTestDatabase();
  const created = await insertPlan(handle.db);
  plan = created.plan;
  const cityRows = await insertCities(handle.db, 3);
  await handle.db.execute(sql`update cities set region = 'continental' where id = ${cityRows[1]!.id}`);
  const partnerRows = await handle.db
    .insert(partners)
    .values([0, 1].map((i) => ({ name: `Partner ${i + 1}`, type: 'government' as const })))
    .returning();
  dims = {
    cities: cityRows.map((c) => c.id),
    clusters: (await insertClusters(handle.db, 2)).map((c) => c.id),
    partners: partnerRows.map((p) => p.id),
  };
  for (const k of kinds) ids.set(k.code, (await insertIndicator(handle.db, { planId: plan.id, goalId: created.goal.id }, k)).id);
});

afterAll(async () => {
  console.info(`read-model properties (${driverUnderTest}): ${checked.runs} histories, ${checked.comparisons} readings compared`);
  await handle?.close();
});

function same(actual: Reading, expected: Reading, what: string) {
  checked.comparisons += 1;
  for (const key of ['value', 'numerator', 'denominator'] as const) {
    const x = actual[key];
    const y = expected[key];
    if (x === null || y === null) expect(x, `${what} ${key}`).toBe(y);
    else expect(x, `${what} ${key}`).toBeCloseTo(y, 6);
  }
}

/** The member of an observation's series in a dimension (series keys are "city|cluster|partner" indexes). */
function memberOf(o: Observation, dimension: (typeof BREAKDOWN_DIMENSIONS)[number]): string | null {
  const [city, cluster, partner] = o.seriesKey.split('|').map(Number) as [number, number, number];
  const index = { city, region: city, cluster, partner }[dimension];
  if (index < 0) return null;
  if (dimension === 'region') return regionOf(city);
  const list = { city: dims.cities, cluster: dims.clusters, partner: dims.partners }[dimension];
  return String(list[index]);
}

const clockArb = fc.record({
  // Often the plan's end: every period has begun, so the summary tables answer (the paths differ).
  asOfDay: fc.oneof(fc.constant(365), fc.integer({ min: 0, max: 365 })),
  // Half the time current knowledge (null), else the end of a day between the plan's start and mid-2021.
  knownOnDay: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 560 })),
  includeSubmitted: fc.boolean(),
});

describe(`read model against the lib/progress oracle (${driverUnderTest})`, () => {
  it('actuals, standing, series and every breakdown, at every clock, for every logged kind', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...kinds.map((k) => fc.array(historyArb(k.valueKind), { minLength: 2, maxLength: 12 }))),
        fc.array(clockArb, { minLength: 1, maxLength: 3 }),
        async (histories, clocks) => {
          checked.runs += 1;
          await clearUpdates(handle.db, [...ids.values()]);
          for (const [i, k] of kinds.entries()) await writeHistories(handle.db, ids.get(k.code)!, periods, histories[i]!, dims);
          const rows = (await planIndicators(handle.db, plan.id)).map((r) => r.indicator);
          for (const c of clocks) {
            const clock: ReadClock = { asOf: dayDate(c.asOfDay), knownOn: c.knownOnDay === null ? null : dayDate(c.knownOnDay) };
            const statuses = countedStatuses(c.includeSubmitted);
            const [actuals, standing] = await Promise.all([
              planActuals(handle.db, plan.id, clock, statuses),
              planStanding(handle.db, plan, rows, clock, { statuses }),
            ]);
            const maritime = clock.knownOn === null ? await planActuals(handle.db, plan.id, clock, statuses, { region: 'maritime' }) : undefined;
            for (const [i, k] of kinds.entries()) {
              const id = ids.get(k.code)!;
              const h: History[] = histories[i]!;
              const observed = knownObservations(h, periods, clock.knownOn, statuses);
              const expected = actualToDate(k, observed, clock.asOf);
              same(readingFromAggregate(k.valueKind, actuals.get(id)), expected, `${k.code} actual`);
              const rule = rows.find((r) => r.id === id)!;
              expect(standing.get(id)!.evaluation.status).toBe(evaluateIndicator({ rule, milestones: [], actual: expected, asOf: clock.asOf }).status);
              if (maritime) {
                const inMaritime = knownObservations(h, periods, null, statuses, (s) => regionOf(s.city) === 'maritime');
                same(readingFromAggregate(k.valueKind, maritime.get(id)), actualToDate(k, inMaritime, clock.asOf), `${k.code} maritime`);
              }
              // The series: periods begun by asOf, counting updates whose period has begun.
              const begun = periods.filter((p) => p.start <= clock.asOf);
              const series = await indicatorSeries(handle.db, id, k.accumulation, begun, clock, statuses);
              const expectedSeries = aggregateSeries(k, observed.filter((o) => o.periodStart <= clock.asOf), begun);
              series.forEach((row, n) => {
                same(readingFromAggregate(k.valueKind, row), expectedSeries[n]!, `${k.code} ${begun[n]!.end}`);
                expect(row.reported, `${k.code} ${begun[n]!.end} reported`).toBe(expectedSeries[n]!.reported);
              });
              for (const dimension of BREAKDOWN_DIMENSIONS) {
                const bars = await logBreakdown(handle.db, id, k.accumulation, dimension, clock, statuses, 10);
                const members = new Set(observed.filter((o) => o.periodStart <= clock.asOf).map((o) => memberOf(o, dimension)));
                expect(new Set(bars.map((b) => b.member)), `${k.code} by ${dimension}`).toEqual(new Set([...members].filter((m) =>
                  actualToDate(k, observed.filter((o) => memberOf(o, dimension) === m), clock.asOf).value !== null || k.valueKind === 'percent')));
                for (const bar of bars) {
                  const part = observed.filter((o) => memberOf(o, dimension) === bar.member);
                  same(readingFromAggregate(k.valueKind, bar), actualToDate(k, part, clock.asOf), `${k.code} ${dimension} ${bar.member}`);
                }
              }
            }
          }
        },
      ),
      { numRuns: driverUnderTest === 'pglite' ? 30 : 50 },
    );
  }, 600_000);
});
