import { describe, it, expect } from 'vitest';
import { actualToDate, aggregatePeriod, aggregateSeries, type AggregateKind, type Observation } from '@/lib/progress';
import { periodsBetween } from '@/lib/periods';

const Q = periodsBetween('quarterly', '2020-01-01', '2020-12-31');
const [Q1, Q2, Q3, Q4] = Q as [(typeof Q)[0], (typeof Q)[0], (typeof Q)[0], (typeof Q)[0]];

const quarterOf = { 1: Q1, 2: Q2, 3: Q3, 4: Q4 } as const;
function obs(q: 1 | 2 | 3 | 4, value: number, seriesKey = 'city:-|cluster:-|partner:-'): Observation {
  const p = quarterOf[q];
  return { periodStart: p.start, periodEnd: p.end, value, numerator: null, denominator: null, seriesKey };
}
function pct(q: 1 | 2 | 3 | 4, numerator: number, denominator: number, seriesKey: string): Observation {
  const p = quarterOf[q];
  return { periodStart: p.start, periodEnd: p.end, value: null, numerator, denominator, seriesKey };
}
const kind = (accumulation: AggregateKind['accumulation'], valueKind: AggregateKind['valueKind'] = 'count'): AggregateKind => ({
  accumulation,
  valueKind,
});
const values = (kindArg: AggregateKind, o: Observation[]) => aggregateSeries(kindArg, o, Q).map((r) => r.value);

describe('non_cumulative: periods add up', () => {
  const trainings = [obs(1, 2, 'city:1'), obs(1, 3, 'city:2'), obs(2, 4, 'city:1'), obs(4, 1, 'city:2')];
  it('sums each period across series and leaves a missing period empty', () => {
    const series = aggregateSeries(kind('non_cumulative'), trainings, Q);
    expect(series.map((r) => r.value)).toEqual([5, 4, null, 1]);
    expect(series.map((r) => r.reported)).toEqual([true, true, false, true]);
    expect(series[2]).toEqual({ value: null, numerator: null, denominator: null, reported: false });
  });
  it('sums over time to date, counting periods that have begun', () => {
    expect(actualToDate(kind('non_cumulative'), trainings, '2020-06-30').value).toBe(9);
    // Q4's update counts from the first day of Q4 (periodStart ≤ asOf).
    expect(actualToDate(kind('non_cumulative'), trainings, '2020-10-01').value).toBe(10);
    expect(actualToDate(kind('non_cumulative'), trainings, '2020-09-30').value).toBe(9);
  });
  it('reports nothing before the first update', () => {
    expect(actualToDate(kind('non_cumulative'), trainings, '2019-12-31')).toEqual({ value: null, numerator: null, denominator: null, reported: false });
  });
  it('ignores observations without a value', () => {
    const withBlank = [...trainings, { ...obs(3, 0), value: null }];
    expect(values(kind('non_cumulative'), withBlank)).toEqual([5, 4, null, 1]);
  });
});

describe('cumulative: the latest running total, never the sum', () => {
  const partnerships = [obs(1, 3), obs(2, 5), obs(4, 9)];
  it('takes the latest value and carries it across a missing period', () => {
    const series = aggregateSeries(kind('cumulative'), partnerships, Q);
    expect(series.map((r) => r.value)).toEqual([3, 5, 5, 9]);
    expect(series.map((r) => r.reported)).toEqual([true, true, false, true]);
    expect(actualToDate(kind('cumulative'), partnerships, '2020-11-15').value).toBe(9);
    expect(actualToDate(kind('cumulative'), partnerships, '2020-09-01').value).toBe(5);
  });
  it('sums the latest value of each series (city totals add up)', () => {
    const byCity = [obs(1, 2, 'city:A'), obs(1, 1, 'city:B'), obs(2, 4, 'city:A'), obs(3, 3, 'city:B')];
    expect(values(kind('cumulative'), byCity)).toEqual([3, 5, 7, 7]);
    expect(actualToDate(kind('cumulative'), byCity, '2020-07-15').value).toBe(7);
  });
  it('lets the later observation in input order win a tie (a correction)', () => {
    const corrected = [obs(2, 6), obs(2, 4)];
    expect(aggregatePeriod(kind('cumulative'), corrected, Q2).value).toBe(4);
    expect(actualToDate(kind('cumulative'), corrected, '2020-12-31').value).toBe(4);
  });
  it('is empty before anything is reported', () => {
    expect(aggregatePeriod(kind('cumulative'), partnerships, { start: '2019-10-01', end: '2019-12-31' }).value).toBeNull();
  });
});

describe('snapshot: the current level', () => {
  it('uses the latest level even when it falls (not the maximum, not the sum)', () => {
    const functionalClusters = [obs(1, 2), obs(2, 4), obs(3, 3)];
    expect(values(kind('snapshot'), functionalClusters)).toEqual([2, 4, 3, 3]);
    expect(actualToDate(kind('snapshot'), functionalClusters, '2020-12-31').value).toBe(3);
  });
  it('uses the latest periodEnd, whatever the input order', () => {
    const outOfOrder = [obs(3, 3), obs(1, 2), obs(2, 4)];
    expect(values(kind('snapshot'), outOfOrder)).toEqual([2, 4, 3, 3]);
  });
});

describe('percent: recomputed from summed numerators and denominators', () => {
  it('gives 50 % for city A 1/4 and city B 3/4, not the mean of 25 % and 75 % … ', () => {
    const o = [pct(1, 1, 4, 'city:A'), pct(1, 3, 4, 'city:B')];
    expect(aggregatePeriod(kind('non_cumulative', 'percent'), o, Q1)).toEqual({ value: 50, numerator: 4, denominator: 8, reported: true });
  });
  it('… and weights by denominator: 1/2 and 1/8 → 20 %, not 31.25 %', () => {
    const o = [pct(1, 1, 2, 'city:A'), pct(1, 1, 8, 'city:B')];
    expect(aggregatePeriod(kind('snapshot', 'percent'), o, Q1).value).toBe(20);
  });
  it('carries each city forward for levels', () => {
    const o = [pct(1, 1, 4, 'city:A'), pct(1, 3, 4, 'city:B'), pct(2, 4, 4, 'city:A')];
    const series = aggregateSeries(kind('snapshot', 'percent'), o, Q);
    expect(series[1]).toEqual({ value: 87.5, numerator: 7, denominator: 8, reported: true });
    expect(series[2]).toEqual({ value: 87.5, numerator: 7, denominator: 8, reported: false });
    expect(actualToDate(kind('cumulative', 'percent'), o, '2020-05-01').value).toBe(87.5);
  });
  it('sums over time for non_cumulative', () => {
    const o = [pct(1, 1, 4, 'city:A'), pct(2, 3, 6, 'city:A')];
    expect(actualToDate(kind('non_cumulative', 'percent'), o, '2020-12-31')).toEqual({ value: 40, numerator: 4, denominator: 10, reported: true });
  });
  it('has a null value but is reported when the denominators sum to 0', () => {
    expect(aggregatePeriod(kind('non_cumulative', 'percent'), [pct(1, 0, 0, 'city:A')], Q1)).toEqual({ value: null, numerator: 0, denominator: 0, reported: true });
  });
  it('ignores a percent observation missing its numerator or denominator', () => {
    const o = [pct(1, 1, 4, 'city:A'), { ...pct(1, 0, 0, 'city:B'), numerator: null, value: 90 }];
    expect(aggregatePeriod(kind('non_cumulative', 'percent'), o, Q1).value).toBe(25);
  });
});

describe('as-of dates and period ends', () => {
  it('counts an observation in the period its periodEnd falls in', () => {
    const monthInQ2: Observation = { periodStart: '2020-05-01', periodEnd: '2020-05-31', value: 7, numerator: null, denominator: null, seriesKey: 's' };
    expect(values(kind('non_cumulative'), [monthInQ2])).toEqual([null, 7, null, null]);
    expect(actualToDate(kind('non_cumulative'), [monthInQ2], '2020-04-30').value).toBeNull();
    expect(actualToDate(kind('non_cumulative'), [monthInQ2], '2020-05-01').value).toBe(7);
  });
  it('handles the leap day as an ordinary date', () => {
    const leap: Observation = { periodStart: '2020-02-29', periodEnd: '2020-02-29', value: 1, numerator: null, denominator: null, seriesKey: 's' };
    expect(aggregatePeriod(kind('cumulative'), [leap], { start: '2020-02-01', end: '2020-02-29' }).reported).toBe(true);
    expect(aggregatePeriod(kind('cumulative'), [leap], { start: '2020-02-01', end: '2020-02-28' }).value).toBeNull();
  });
});
