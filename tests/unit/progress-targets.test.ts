import { describe, it, expect } from 'vitest';
import {
  finalTarget,
  pacePerPeriodNeeded,
  projectEndOfPlan,
  remainingPeriodCount,
  targetToDate,
  type IndicatorRule,
  type Milestone,
  type Reading,
} from '@/lib/progress';
import { periodsBetween } from '@/lib/periods';

const quarterly = (targets: [number, number, number, number], year = 2020): Milestone[] =>
  periodsBetween('quarterly', `${year}-01-01`, `${year}-12-31`).map((p, i) => ({ periodStart: p.start, periodEnd: p.end, target: targets[i] ?? 0 }));

const rule = (over: Partial<IndicatorRule>): IndicatorRule => ({
  accumulation: 'non_cumulative',
  valueKind: 'count',
  direction: 'increase',
  baselineValue: 0,
  baselineDate: '2019-12-31',
  targetValue: 40,
  targetDate: '2020-12-31',
  ...over,
});

describe('non_cumulative targets: periods add up', () => {
  const r = rule({});
  const m = quarterly([10, 10, 10, 10]);
  it('sums the milestones of ended periods', () => {
    expect(targetToDate(r, m, '2019-12-31')).toBe(0);
    expect(targetToDate(r, m, '2020-06-30')).toBe(20);
    expect(targetToDate(r, m, '2020-12-31')).toBe(40);
    expect(targetToDate(r, m, '2021-05-01')).toBe(40);
  });
  it('adds a pro-rata share of the period containing as-of (as-of day counted, Q4 has 92 days)', () => {
    expect(targetToDate(r, m, '2020-11-15')).toBe(35); // 30 + 10 × 46/92
    expect(targetToDate(r, m, '2020-10-01')).toBeCloseTo(30 + 10 / 92, 12);
  });
  it('uses 29 February in a leap year (Q1 2020 has 91 days)', () => {
    expect(targetToDate(r, m, '2020-02-29')).toBeCloseTo((10 * 60) / 91, 12);
    const m2021 = quarterly([10, 10, 10, 10], 2021);
    expect(targetToDate(r, m2021, '2021-02-28')).toBeCloseTo((10 * 59) / 90, 12);
  });
  it('adds nothing for a quarter without a milestone and ignores the baseline', () => {
    const gappy = quarterly([10, 0, 0, 30]).filter((x) => x.target !== 0);
    expect(targetToDate(rule({ baselineValue: 100 }), gappy, '2020-09-30')).toBe(10);
    expect(finalTarget(r, gappy)).toBe(40);
  });
  it('without milestones is pro rata of the time from baseline date to target date', () => {
    expect(targetToDate(r, [], '2020-07-01')).toBe(20); // 183 of 366 days in 2020
    expect(targetToDate(r, [], '2019-06-01')).toBe(0);
    expect(targetToDate(r, [], '2022-01-01')).toBe(40);
    const r2021 = rule({ baselineDate: '2020-12-31', targetDate: '2021-12-31' });
    expect(targetToDate(r2021, [], '2021-07-02')).toBeCloseTo((40 * 183) / 365, 12);
  });
  it('treats a target dated on its baseline date as a step', () => {
    const step = rule({ baselineDate: '2020-06-30', targetDate: '2020-06-30' });
    expect(targetToDate(step, [], '2020-06-29')).toBe(0);
    expect(targetToDate(step, [], '2020-06-30')).toBe(40);
  });
  it('takes the final target from the milestones when they exist', () => {
    expect(finalTarget(r, [])).toBe(40);
    expect(finalTarget(r, quarterly([5, 5, 5, 5]))).toBe(20);
  });
});

describe('cumulative and snapshot targets: levels at period ends', () => {
  const r = rule({ accumulation: 'cumulative', baselineValue: 5, targetValue: 25 });
  const m: Milestone[] = [
    { periodStart: '2020-04-01', periodEnd: '2020-06-30', target: 10 },
    { periodStart: '2020-07-01', periodEnd: '2020-09-30', target: 20 },
  ];
  it('interpolates baseline → milestones → final target', () => {
    expect(targetToDate(r, m, '2019-06-01')).toBe(5);
    expect(targetToDate(r, m, '2019-12-31')).toBe(5);
    expect(targetToDate(r, m, '2020-03-31')).toBe(7.5); // 91 of 182 days from baseline to 30 June
    expect(targetToDate(r, m, '2020-06-30')).toBe(10);
    expect(targetToDate(r, m, '2020-08-15')).toBe(15); // 46 of 92 days
    expect(targetToDate(r, m, '2020-11-15')).toBe(22.5); // 46 of 92 days to the final target
    expect(targetToDate(r, m, '2020-12-31')).toBe(25);
    expect(targetToDate(r, m, '2021-03-01')).toBe(25);
    expect(finalTarget(r, m)).toBe(25);
  });
  it('ignores milestone order in the input', () => {
    expect(targetToDate(r, [...m].reverse(), '2020-08-15')).toBe(15);
  });
  it('without milestones is linear from baseline to target (leap year: half at 1 July)', () => {
    expect(targetToDate(r, [], '2020-07-01')).toBe(15);
    const decreasing = rule({ accumulation: 'snapshot', direction: 'decrease', baselineValue: 30, targetValue: 10 });
    expect(targetToDate(decreasing, [], '2020-07-01')).toBe(20);
    expect(targetToDate(decreasing, [], '2020-12-31')).toBe(10);
  });
  it('lets a milestone on or after the target date define the end of the path', () => {
    const withQ4 = [...m, { periodStart: '2020-10-01', periodEnd: '2020-12-31', target: 24 }];
    expect(targetToDate(r, withQ4, '2021-01-15')).toBe(24);
    expect(finalTarget(r, withQ4)).toBe(24);
    const beyond = [...m, { periodStart: '2021-01-01', periodEnd: '2021-03-31', target: 30 }];
    expect(finalTarget(r, beyond)).toBe(30);
    expect(targetToDate(r, beyond, '2021-03-31')).toBe(30);
  });
  it('ignores milestones on or before the baseline date', () => {
    const early = [{ periodStart: '2019-10-01', periodEnd: '2019-12-31', target: 99 }];
    expect(targetToDate(r, early, '2020-07-01')).toBe(15);
  });
  it('stays at the baseline when the target equals it', () => {
    const flat = rule({ accumulation: 'snapshot', baselineValue: 10, targetValue: 10 });
    expect(targetToDate(flat, [], '2020-05-05')).toBe(10);
    expect(finalTarget(flat, [])).toBe(10);
  });
});

const reading = (value: number | null): Reading => ({ value, numerator: null, denominator: null, reported: value !== null });

describe('projectEndOfPlan', () => {
  const plan = ['2020-01-01', '2020-12-31'] as const;
  it('extrapolates non_cumulative totals by elapsed time (1 July = half of 2020)', () => {
    expect(projectEndOfPlan(rule({}), reading(20), '2020-07-01', ...plan)).toBe(40);
    expect(projectEndOfPlan(rule({}), reading(20), '2021-02-01', ...plan)).toBe(20);
  });
  it('extrapolates levels from the baseline', () => {
    expect(projectEndOfPlan(rule({ accumulation: 'cumulative', baselineValue: 5 }), reading(15), '2020-07-01', ...plan)).toBe(25);
    expect(projectEndOfPlan(rule({ accumulation: 'snapshot', baselineValue: 30 }), reading(25), '2020-07-01', ...plan)).toBe(20);
  });
  it('keeps a non_cumulative percent as is and clamps a percent level to 0..100', () => {
    expect(projectEndOfPlan(rule({ valueKind: 'percent' }), reading(62.5), '2020-04-01', ...plan)).toBe(62.5);
    expect(projectEndOfPlan(rule({ accumulation: 'snapshot', valueKind: 'percent', baselineValue: 50 }), reading(80), '2020-07-01', ...plan)).toBe(100);
  });
  it('is null without data or before the plan starts', () => {
    expect(projectEndOfPlan(rule({}), reading(null), '2020-07-01', ...plan)).toBeNull();
    expect(projectEndOfPlan(rule({}), reading(3), '2019-12-31', ...plan)).toBeNull();
  });
});

describe('pacePerPeriodNeeded / remainingPeriodCount', () => {
  const periods = periodsBetween('quarterly', '2020-01-01', '2020-12-31');
  it('counts unfinished periods', () => {
    expect(remainingPeriodCount(periods, '2020-11-15')).toBe(1);
    expect(remainingPeriodCount(periods, '2020-09-30')).toBe(1);
    expect(remainingPeriodCount(periods, '2020-09-29')).toBe(2);
    expect(remainingPeriodCount(periods, '2020-12-31')).toBe(0);
  });
  it('divides the gap by the remaining periods, signed', () => {
    expect(pacePerPeriodNeeded(rule({}), 25, 3)).toBe(5);
    expect(pacePerPeriodNeeded(rule({}), 46, 2)).toBe(-3); // already above the target
    expect(pacePerPeriodNeeded(rule({ targetValue: 10 }), 22, 2)).toBe(-6); // a decrease still to do
    expect(pacePerPeriodNeeded(rule({}), 25, 3, 31)).toBe(2);
  });
  it('is null without data or remaining periods', () => {
    expect(pacePerPeriodNeeded(rule({}), null, 3)).toBeNull();
    expect(pacePerPeriodNeeded(rule({}), 25, 0)).toBeNull();
  });
});
