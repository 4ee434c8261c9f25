import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  STATUS_THRESHOLDS,
  achievement,
  actualToDate,
  aggregateSeries,
  statusOf,
  targetToDate,
  type Accumulation,
  type AggregateKind,
  type IndicatorRule,
  type Observation,
  type Status,
} from '@/lib/progress';
import { addDays, daysBetween, periodKey, periodsBetween, type Frequency } from '@/lib/periods';

// Integer values keep sums exact, so "does not change" can be asserted with toEqual.
const MONTHS = periodsBetween('monthly', '2020-01-01', '2020-12-31');
const AS_OFS = ['2020-01-15', '2020-03-31', '2020-07-01', '2020-11-15', '2020-12-31'];
const ACCUMULATIONS: Accumulation[] = ['non_cumulative', 'cumulative', 'snapshot'];
const SERIES = ['city:1|cluster:-|partner:-', 'city:2|cluster:-|partner:-', 'city:3|cluster:-|partner:-'];

const dayOf2020 = fc.integer({ min: 0, max: 365 }).map((n) => addDays('2020-01-01', n));
const observation = (percent: boolean, series = fc.constantFrom(...SERIES)) =>
  fc
    .record({
      periodEnd: dayOf2020,
      length: fc.integer({ min: 0, max: 90 }),
      value: fc.integer({ min: 0, max: 1000 }),
      numerator: fc.integer({ min: 0, max: 50 }),
      extra: fc.integer({ min: 0, max: 50 }),
      seriesKey: series,
    })
    .map(({ periodEnd, length, value, numerator, extra, seriesKey }): Observation => ({
      periodStart: addDays(periodEnd, -length),
      periodEnd,
      value: percent ? null : value,
      numerator: percent ? numerator : null,
      denominator: percent ? numerator + extra : null,
      seriesKey,
    }));

const allAggregates = (kind: AggregateKind, o: readonly Observation[]) => ({
  series: aggregateSeries(kind, o, MONTHS),
  toDate: AS_OFS.map((d) => actualToDate(kind, o, d)),
});

describe('cumulative actuals are bounded by what was reported', () => {
  it('never exceed the largest value reported × number of series', () => {
    fc.assert(
      fc.property(fc.array(observation(false), { maxLength: 30 }), (o) => {
        const max = Math.max(0, ...o.map((x) => x.value ?? 0));
        const seriesCount = new Set(o.map((x) => x.seriesKey)).size;
        const { series, toDate } = allAggregates({ accumulation: 'cumulative', valueKind: 'count' }, o);
        for (const r of [...series, ...toDate]) expect(r.value ?? 0).toBeLessThanOrEqual(max * seriesCount);
      }),
    );
  });
  it('in single-series data never exceed its largest reported value', () => {
    fc.assert(
      fc.property(fc.array(observation(false, fc.constant('city:-')), { maxLength: 30 }), (o) => {
        const max = Math.max(0, ...o.map((x) => x.value ?? 0));
        const { series, toDate } = allAggregates({ accumulation: 'cumulative', valueKind: 'count' }, o);
        for (const r of [...series, ...toDate]) expect(r.value ?? 0).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('splitting a non_cumulative indicator across cities', () => {
  // Each update goes to one city whole, or is split in two parts across two cities.
  const split = (percent: boolean) =>
    fc.array(
      fc.tuple(observation(percent, fc.constant('all')), fc.constantFrom(...SERIES), fc.constantFrom(...SERIES), fc.double({ min: 0, max: 1, noNaN: true })),
      { maxLength: 25 },
    );
  const part = (n: number | null, share: number) => (n === null ? null : Math.floor(n * share));
  for (const percent of [false, true]) {
    it(`does not change its totals (${percent ? 'percent' : 'count'})`, () => {
      fc.assert(
        fc.property(split(percent), (rows) => {
          const whole = rows.map(([o]) => o);
          const spread = rows.flatMap(([o, a, b, share]) => {
            const first = { ...o, seriesKey: a, value: part(o.value, share), numerator: part(o.numerator, share), denominator: part(o.denominator, share) };
            const rest = (x: number | null, y: number | null) => (x === null || y === null ? null : x - y);
            const second = { ...o, seriesKey: b, value: rest(o.value, first.value), numerator: rest(o.numerator, first.numerator), denominator: rest(o.denominator, first.denominator) };
            return [first, second];
          });
          const kind: AggregateKind = { accumulation: 'non_cumulative', valueKind: percent ? 'percent' : 'count' };
          expect(allAggregates(kind, spread)).toEqual(allAggregates(kind, whole));
        }),
      );
    });
  }
});

describe('permuting observations with distinct periodEnds', () => {
  const permuted = (percent: boolean) =>
    fc
      .uniqueArray(observation(percent), { maxLength: 25, selector: (o) => o.periodEnd })
      .chain((o) => fc.tuple(fc.constant(o), fc.shuffledSubarray(o, { minLength: o.length, maxLength: o.length })));
  for (const accumulation of ACCUMULATIONS) {
    for (const percent of [false, true]) {
      it(`does not change any aggregate (${accumulation}, ${percent ? 'percent' : 'count'})`, () => {
        fc.assert(
          fc.property(permuted(percent), ([o, shuffled]) => {
            const kind: AggregateKind = { accumulation, valueKind: percent ? 'percent' : 'count' };
            expect(allAggregates(kind, shuffled)).toEqual(allAggregates(kind, o));
          }),
        );
      });
    }
  }
});

describe('achievement is monotone in actual', () => {
  const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  it('non-decreasing for increase, non-increasing for decrease', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACCUMULATIONS), fc.constantFrom('increase' as const, 'decrease' as const), num, num, num, num, (accumulation, direction, baselineValue, target, x, y) => {
        const rule = { accumulation, direction, baselineValue };
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = achievement(rule, lo, target);
        const b = achievement(rule, hi, target);
        expect(a).not.toBeNull();
        expect(b).not.toBeNull();
        if (direction === 'increase') expect(a as number).toBeLessThanOrEqual(b as number);
        else expect(a as number).toBeGreaterThanOrEqual(b as number);
      }),
    );
  });
});

describe('status thresholds', () => {
  const bands: Record<Exclude<Status, 'no_data'>, (a: number) => boolean> = {
    ahead: (a) => a > STATUS_THRESHOLDS.ahead,
    on_track: (a) => a >= STATUS_THRESHOLDS.onTrack && a <= STATUS_THRESHOLDS.ahead,
    at_risk: (a) => a >= STATUS_THRESHOLDS.atRisk && a < STATUS_THRESHOLDS.onTrack,
    off_track: (a) => a < STATUS_THRESHOLDS.atRisk,
  };
  const rank: Record<Status, number> = { no_data: -1, off_track: 0, at_risk: 1, on_track: 2, ahead: 3 };
  const nonNegative = fc.oneof(fc.double({ min: 0, noNaN: true }), fc.constantFrom(0, 0.7, 0.9, 1, 1.1), fc.double({ min: 0.6, max: 1.2, noNaN: true }));
  it('partition [0, ∞): exactly one band holds, and it is the status', () => {
    fc.assert(
      fc.property(nonNegative, (a) => {
        const holding = Object.entries(bands).filter(([, holds]) => holds(a)).map(([s]) => s);
        expect(holding).toEqual([statusOf(a)]);
      }),
    );
  });
  it('are ordered: more achievement never gives a worse status', () => {
    fc.assert(
      fc.property(nonNegative, nonNegative, (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(rank[statusOf(lo)]).toBeLessThanOrEqual(rank[statusOf(hi)]);
      }),
    );
  });
});

describe('targets and periods', () => {
  const baseRule: IndicatorRule = {
    accumulation: 'cumulative', valueKind: 'count', direction: 'increase',
    baselineValue: 0, baselineDate: '2019-12-31', targetValue: 0, targetDate: '2020-12-31',
  };
  it('a level target without milestones stays between baseline and final target', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), dayOf2020, (b, t, asOf) => {
        const expected = targetToDate({ ...baseRule, baselineValue: b, targetValue: t }, [], asOf);
        expect(expected).toBeGreaterThanOrEqual(Math.min(b, t) - 1e-9);
        expect(expected).toBeLessThanOrEqual(Math.max(b, t) + 1e-9);
      }),
    );
  });
  it('a non_cumulative target to date never falls as time passes', () => {
    const milestones = MONTHS.map((p) => ({ periodStart: p.start, periodEnd: p.end }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }), dayOf2020, dayOf2020, (targets, d1, d2) => {
        const m = milestones.map((p, i) => ({ ...p, target: targets[i] ?? 0 }));
        const rule = { ...baseRule, accumulation: 'non_cumulative' as const };
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(targetToDate(rule, m, early)).toBeLessThanOrEqual(targetToDate(rule, m, late) + 1e-9);
      }),
    );
  });
  it('periodsBetween tiles the plan with contiguous periods, each with its own key', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2019-01-01', n));
    const frequencies: Frequency[] = ['monthly', 'quarterly', 'semiannual', 'annual'];
    fc.assert(
      fc.property(fc.constantFrom(...frequencies), day, day, (f, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const periods = periodsBetween(f, start, end);
        expect(periods[0]?.start).toBe(start);
        expect(periods[periods.length - 1]?.end).toBe(end);
        for (let i = 1; i < periods.length; i++) expect(daysBetween(periods[i - 1]?.end ?? '', periods[i]?.start ?? '')).toBe(1);
        expect(new Set(periods.map((p) => periodKey(p, f))).size).toBe(periods.length);
      }),
    );
  });
});
