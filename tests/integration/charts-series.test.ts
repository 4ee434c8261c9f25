import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { indicatorChart } from '@/db/queries/charts/indicator-chart';
import { countedStatuses, currentKnowledge, indicatorSeries } from '@/db/read-model';
import { periodsBetween } from '@/lib/periods';
import { readingFromAggregate } from '@/lib/progress/reading';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertChartsFixture } from './charts-fixture';

let handle: DbHandle;
let fx: Awaited<ReturnType<typeof insertChartsFixture>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  fx = await insertChartsFixture(handle.db);
});

afterAll(async () => {
  await handle?.close();
});

const actuals = async (id: number, asOf: string, includeSubmitted = false, knownOn?: string) =>
  (await indicatorChart(handle.db, id, { asOf, includeSubmitted, knownOn }))!.points.map((p) => p.actual);

describe(`indicator chart series (${driverUnderTest})`, () => {
  it('sums non-cumulative periods, leaves missing periods empty and counts only approved updates', async () => {
    expect(await actuals(fx.indicators.nc.id, '2020-12-31')).toEqual([15, null, 3, null]);
    expect(await actuals(fx.indicators.nc.id, '2020-12-31', true)).toEqual([15, 7, 3, null]);
    const chart = (await indicatorChart(handle.db, fx.indicators.nc.id, { asOf: '2020-12-31' }))!;
    expect(chart.evaluation.actual.value).toBe(18);
    expect(chart.points.map((p) => p.reported)).toEqual([true, false, true, false]);
    // Without milestones a period's target is its share of the year (lib/progress targetToDate): 91/366 of 100.
    expect(chart.points[0]!.target).toBeCloseTo((100 * 91) / 366, 6);
    expect(chart.points.reduce((s, p) => s + p.target, 0)).toBeCloseTo(100, 6);
  });

  it('draws running totals for cumulative indicators, per city, never summed over time', async () => {
    expect(await actuals(fx.indicators.cu.id, '2020-12-31')).toEqual([10, 18, 48, 48]);
    const chart = (await indicatorChart(handle.db, fx.indicators.cu.id, { asOf: '2020-12-31' }))!;
    expect(chart.evaluation.actual.value).toBe(48);
    expect(chart.points.map((p) => p.reported)).toEqual([true, true, true, false]);
    expect(chart.points[3]!.target).toBe(60);
  });

  it('carries a decreasing snapshot level over a missing period', async () => {
    const chart = (await indicatorChart(handle.db, fx.indicators.sn.id, { asOf: '2020-12-31' }))!;
    expect(chart.points.map((p) => p.actual)).toEqual([45, 45, 30, 30]);
    expect(chart.points.map((p) => p.reported)).toEqual([true, false, true, false]);
    expect(chart.baseline).toBe(50);
    expect(chart.evaluation.actual.value).toBe(30);
    // (50 − 30) ÷ (50 − 20): the target is met at year end.
    expect(chart.evaluation.achievement).toBeCloseTo(20 / 30, 6);
  });

  it('recomputes percent from summed numerators and denominators across cities', async () => {
    const chart = (await indicatorChart(handle.db, fx.indicators.pn.id, { asOf: '2020-12-31' }))!;
    expect(chart.points[0]!.actual).toBeCloseTo((100 * 40) / 150, 9);
    expect(chart.points[0]!.numerator).toBe(40);
    expect(chart.points[0]!.denominator).toBe(150);
    expect(chart.breakdown!.bars.map((b) => [b.name, b.value])).toEqual([
      ['City 1', 30],
      ['City 2', 20],
    ]);
  });

  it('as known on a past date ignores later approvals, corrections and updates', async () => {
    // 31 Oct: the Q1 5 was still submitted, c1's Q3 total read 25 (corrected to 40 on 10 Nov).
    expect(await actuals(fx.indicators.nc.id, '2020-10-31', false, '2020-10-31')).toEqual([10, null, 3, null]);
    expect(await actuals(fx.indicators.cu.id, '2020-10-31', false, '2020-10-31')).toEqual([10, 18, 33, 33]);
    // 30 Sep: c1's Q3 update did not exist yet (created 5 Oct); Q4 has not begun.
    expect(await actuals(fx.indicators.cu.id, '2020-09-30', false, '2020-09-30')).toEqual([10, 18, 18, null]);
    const past = (await indicatorChart(handle.db, fx.indicators.cu.id, { asOf: '2020-10-31', knownOn: '2020-10-31' }))!;
    expect(past.evaluation.actual.value).toBe(33);
    expect(past.asOf).toBe('2020-10-31');
    expect(past.knownOn).toBe('2020-10-31');
  });

  it('as of a past date, by default, shows what is known now for the periods up to that date', async () => {
    // The late approval (5 Nov) and correction (10 Nov) are current knowledge for periods begun by 31 Oct.
    expect(await actuals(fx.indicators.nc.id, '2020-10-31')).toEqual([15, null, 3, null]);
    expect(await actuals(fx.indicators.cu.id, '2020-10-31')).toEqual([10, 18, 48, 48]);
    // 30 Sep: Q4 has not begun; c1's Q3 update (created 5 Oct) is for a period begun by then.
    expect(await actuals(fx.indicators.cu.id, '2020-09-30')).toEqual([10, 18, 48, null]);
    const chart = (await indicatorChart(handle.db, fx.indicators.cu.id, { asOf: '2020-10-31' }))!;
    expect(chart.evaluation.actual.value).toBe(48);
    expect(chart.knownOn).toBeNull();
  });

  it('breaks the actual down by city: top N and "others", aggregated in SQL', async () => {
    const chart = (await indicatorChart(handle.db, fx.indicators.nc.id, { asOf: '2020-12-31', topN: 1 }))!;
    expect(chart.breakdown!.dimension).toBe('city');
    expect(chart.breakdown!.bars.map((b) => [b.memberId, b.others, b.value])).toEqual([
      [fx.cities.c1, false, 13],
      [null, true, 5],
    ]);
    const levels = (await indicatorChart(handle.db, fx.indicators.cu.id, { asOf: '2020-12-31' }))!;
    expect(levels.breakdown!.bars.map((b) => [b.memberId, b.value])).toEqual([
      [fx.cities.c1, 40],
      [fx.cities.c2, 8],
    ]);
  });

  it('projects the end value and the pace needed with lib/progress', async () => {
    const chart = (await indicatorChart(handle.db, fx.indicators.cu.id, { asOf: '2020-10-31', knownOn: '2020-10-31' }))!;
    expect(chart.remainingPeriods).toBe(1);
    expect(chart.pacePerPeriod).toBe(60 - 33);
    // 33 after 305 of 366 days, from a baseline of 0.
    expect(chart.projectedEnd).toBeCloseTo((33 * 366) / 305, 6);
  });

  it('agrees with indicatorSeries when nothing changed after the as-of date', async () => {
    const periods = periodsBetween('quarterly', '2020-01-01', '2020-12-31');
    for (const ind of Object.values(fx.indicators)) {
      for (const includeSubmitted of [false, true]) {
        const chart = (await indicatorChart(handle.db, ind.id, { asOf: '2020-12-31', includeSubmitted }))!;
        const series = await indicatorSeries(handle.db, ind.id, ind.accumulation, periods, currentKnowledge('2020-12-31'), countedStatuses(includeSubmitted));
        const expected = series.map((row) => readingFromAggregate(ind.valueKind, row).value);
        expect(chart.points.map((p) => p.actual)).toEqual(expected);
      }
    }
  });
});
