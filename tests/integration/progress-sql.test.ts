import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { countedStatuses, currentKnowledge, indicatorSeries, logBreakdown, planActuals, type UpdateStatus } from '@/db/read-model';
import { progressUpdates } from '@/db/schema';
import { periodsBetween } from '@/lib/periods';
import { actualToDate, aggregateSeries } from '@/lib/progress';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Accumulation, Observation, Reading, ValueKind } from '@/lib/progress/types';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertCities, insertClusters, insertIndicator, insertPlan } from '../support/fixtures';

// The SQL aggregates must equal the reference implementation in lib/progress on generated data, on both drivers.

let handle: DbHandle;
let planId: number;
let cityIds: number[];
let clusterIds: number[];
const indicatorIds = new Map<string, number>();
const kinds: { code: string; accumulation: Accumulation; valueKind: ValueKind }[] = [
  { code: 'NC', accumulation: 'non_cumulative', valueKind: 'count' },
  { code: 'CU', accumulation: 'cumulative', valueKind: 'count' },
  { code: 'SN', accumulation: 'snapshot', valueKind: 'currency' },
  { code: 'PN', accumulation: 'non_cumulative', valueKind: 'percent' },
  { code: 'PC', accumulation: 'cumulative', valueKind: 'percent' },
];
const periods = periodsBetween('quarterly', '2020-01-01', '2020-12-31');

beforeAll(async () => {
  handle = await createTestDatabase();
  const { plan, goal } = await insertPlan(handle.db);
  planId = plan.id;
  cityIds = (await insertCities(handle.db, 3)).map((c) => c.id);
  clusterIds = (await insertClusters(handle.db, 2)).map((c) => c.id);
  for (const k of kinds) {
    const row = await insertIndicator(handle.db, { planId, goalId: goal.id }, k);
    indicatorIds.set(k.code, row.id);
  }
});

afterAll(async () => {
  await handle?.close();
});

const updateArb = fc.record({
  quarter: fc.integer({ min: 0, max: 3 }),
  city: fc.integer({ min: -1, max: 2 }),
  cluster: fc.integer({ min: -1, max: 1 }),
  value: fc.integer({ min: 0, max: 10_000 }).map((v) => v / 4),
  numerator: fc.integer({ min: 0, max: 500 }),
  extraDenominator: fc.integer({ min: 1, max: 500 }),
  status: fc.constantFrom<UpdateStatus>('approved', 'approved', 'submitted', 'draft', 'withdrawn'),
});

function close(a: Reading, b: Reading) {
  expect(a.reported).toBe(b.reported);
  for (const key of ['value', 'numerator', 'denominator'] as const) {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) expect(x).toBe(y);
    else expect(x).toBeCloseTo(y, 6);
  }
}

describe(`SQL aggregates match the reference implementation (${driverUnderTest})`, () => {
  it.each(kinds)('$code: $accumulation $valueKind', async (kind) => {
    const indicatorId = indicatorIds.get(kind.code)!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(updateArb, { maxLength: 25 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 365 }),
        async (updates, includeSubmitted, asOfDay) => {
          await handle.db.execute(sql`delete from progress_updates where indicator_id = ${indicatorId}`);
          const rows = updates.map((u) => {
            const period = periods[u.quarter]!;
            const percent = kind.valueKind === 'percent';
            return {
              indicatorId,
              periodStart: period.start,
              periodEnd: period.end,
              value: percent ? null : u.value,
              numerator: percent ? u.numerator : null,
              denominator: percent ? u.numerator + u.extraDenominator : null,
              cityId: u.city >= 0 ? cityIds[u.city]! : null,
              clusterId: u.cluster >= 0 ? clusterIds[u.cluster]! : null,
              status: u.status,
            };
          });
          const inserted = rows.length
            ? await handle.db.insert(progressUpdates).values(rows).returning({ id: progressUpdates.id })
            : [];
          const statuses = countedStatuses(includeSubmitted);
          // The reference receives the counted observations in id order, as its tie rule requires.
          const observations: Observation[] = rows
            .map((r, i) => ({ ...r, id: inserted[i]!.id }))
            .filter((r) => statuses.includes(r.status))
            .sort((a, b) => a.id - b.id)
            .map((r) => ({
              periodStart: r.periodStart,
              periodEnd: r.periodEnd,
              value: r.value,
              numerator: r.numerator,
              denominator: r.denominator,
              seriesKey: `city:${r.cityId ?? '-'}|cluster:${r.clusterId ?? '-'}|partner:-`,
            }));

          const sqlSeries = await indicatorSeries(handle.db, indicatorId, kind.accumulation, periods, currentKnowledge('2099-12-31'), statuses);
          const expectedSeries = aggregateSeries(kind, observations, periods);
          expect(sqlSeries).toHaveLength(periods.length);
          sqlSeries.forEach((row, i) => close(readingFromAggregate(kind.valueKind, row), expectedSeries[i]!));
          // The charts' series as of a date after every change: the summary path (per-period buckets, or the
          // level changes of drizzle/0010 for cumulative and snapshot indicators) gives the same figures,
          // update counts and reported flags as the scan.
          const summarySeries = await indicatorSeries(handle.db, indicatorId, kind.accumulation, periods, currentKnowledge('2099-12-31'), statuses);
          summarySeries.forEach((row, i) => close(readingFromAggregate(kind.valueKind, row), expectedSeries[i]!));
          expect(summarySeries.map((r) => [r.periodEnd, r.count, r.reported])).toEqual(sqlSeries.map((r) => [r.periodEnd, r.count, r.reported]));

          // The breakdown by city after every change (cumulative and snapshot: from progress_latest): per city,
          // the sum of its series' latest counted values.
          if (kind.accumulation !== 'non_cumulative' && kind.valueKind !== 'percent') {
            const latest = new Map<string, { city: number | null; value: number; periodEnd: string }>();
            rows
              .map((r, i) => ({ ...r, id: inserted[i]!.id }))
              .filter((r) => statuses.includes(r.status))
              .sort((a, b) => a.id - b.id)
              .forEach((r) => {
                const key = `${r.cityId}|${r.clusterId}`;
                const seen = latest.get(key);
                if (!seen || r.periodEnd >= seen.periodEnd) latest.set(key, { city: r.cityId, value: r.value!, periodEnd: r.periodEnd });
              });
            const expectedByCity = new Map<number | null, number>();
            for (const l of latest.values()) expectedByCity.set(l.city, (expectedByCity.get(l.city) ?? 0) + l.value);
            const bars = await logBreakdown(handle.db, indicatorId, kind.accumulation, 'city', currentKnowledge('2099-12-31'), statuses, 10);
            expect(new Map(bars.map((b) => [b.memberId, b.value]))).toEqual(expectedByCity);
          }

          const asOf = new Date(Date.UTC(2020, 0, 1 + asOfDay)).toISOString().slice(0, 10);
          const sqlActual = (await planActuals(handle.db, planId, currentKnowledge(asOf), statuses)).get(indicatorId);
          const expectedActual = actualToDate(kind, observations, asOf);
          const actual = readingFromAggregate(kind.valueKind, sqlActual);
          expect(actual.value === null).toBe(expectedActual.value === null);
          if (expectedActual.value !== null) expect(actual.value).toBeCloseTo(expectedActual.value, 6);
        },
      ),
      { numRuns: driverUnderTest === 'pglite' ? 40 : 60 },
    );
  });
});
