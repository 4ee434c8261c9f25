import { describe, it, expect } from 'vitest';
import {
  STATUS_THRESHOLDS,
  achievement,
  actualToDate,
  evaluateIndicator,
  statusOf,
  type IndicatorRule,
  type Observation,
} from '@/lib/progress';

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

describe('STATUS_THRESHOLDS / statusOf', () => {
  it('holds the bands in one constant', () => {
    expect(STATUS_THRESHOLDS).toEqual({ ahead: 1.1, onTrack: 0.9, atRisk: 0.7 });
  });
  it('maps achievement to bands, boundaries included as documented', () => {
    expect(statusOf(1.5)).toBe('ahead');
    expect(statusOf(1.1000001)).toBe('ahead');
    expect(statusOf(1.1)).toBe('on_track');
    expect(statusOf(1)).toBe('on_track');
    expect(statusOf(0.9)).toBe('on_track');
    expect(statusOf(0.8999)).toBe('at_risk');
    expect(statusOf(0.7)).toBe('at_risk');
    expect(statusOf(0.6999)).toBe('off_track');
    expect(statusOf(0)).toBe('off_track');
    expect(statusOf(-0.5)).toBe('off_track');
    expect(statusOf(Number.POSITIVE_INFINITY)).toBe('ahead');
  });
  it('is no_data without an achievement', () => {
    expect(statusOf(null)).toBe('no_data');
    expect(statusOf(Number.NaN)).toBe('no_data');
  });
});

describe('achievement: non_cumulative', () => {
  const up = rule({});
  const down = rule({ direction: 'decrease' });
  it('increase: actual ÷ target to date (baseline not added)', () => {
    expect(achievement(rule({ baselineValue: 100 }), 28, 35)).toBe(0.8);
    expect(achievement(up, 35, 35)).toBe(1);
    expect(achievement(up, 42, 35)).toBe(1.2);
  });
  it('increase with a target to date of 0: met', () => {
    expect(achievement(up, 0, 0)).toBe(1);
    expect(achievement(up, 3, 0)).toBe(1);
  });
  it('decrease: target to date ÷ actual', () => {
    expect(achievement(down, 8, 10)).toBe(1.25);
    expect(achievement(down, 20, 10)).toBe(0.5);
  });
  it('decrease with nothing happening is fully met (+∞, ahead)', () => {
    expect(achievement(down, 0, 10)).toBe(Number.POSITIVE_INFINITY);
    expect(statusOf(achievement(down, 0, 10))).toBe('ahead');
    expect(achievement(down, 0, 0)).toBe(1);
    expect(achievement(down, 2, 0)).toBe(0);
  });
  it('is null without an actual', () => {
    expect(achievement(up, null, 10)).toBeNull();
  });
});

describe('achievement: cumulative and snapshot', () => {
  it('increase: (actual − baseline) ÷ (target to date − baseline)', () => {
    const r = rule({ accumulation: 'cumulative', baselineValue: 5 });
    expect(achievement(r, 14, 15)).toBe(0.9);
    expect(statusOf(achievement(r, 14, 15))).toBe('on_track');
    expect(achievement(r, 5, 15)).toBe(0);
    expect(achievement(r, 3, 15)).toBe(-0.2);
  });
  it('decrease: the same formula, both differences negative', () => {
    const r = rule({ accumulation: 'snapshot', direction: 'decrease', baselineValue: 30 });
    expect(achievement(r, 22, 20)).toBe(0.8);
    expect(statusOf(achievement(r, 22, 20))).toBe('at_risk');
    expect(achievement(r, 16, 20)).toBe(1.4);
    expect(achievement(r, 35, 20)).toBe(-0.5);
  });
  it('target equal to baseline: met (1) or not (0) by direction', () => {
    const up = rule({ accumulation: 'snapshot', baselineValue: 10 });
    expect(achievement(up, 10, 10)).toBe(1);
    expect(achievement(up, 11, 10)).toBe(1);
    expect(achievement(up, 9, 10)).toBe(0);
    const down = rule({ accumulation: 'cumulative', direction: 'decrease', baselineValue: 10 });
    expect(achievement(down, 9, 10)).toBe(1);
    expect(achievement(down, 11, 10)).toBe(0);
  });
  it('target to date on the wrong side of the baseline: met or not', () => {
    const up = rule({ accumulation: 'snapshot', baselineValue: 10 });
    expect(achievement(up, 9, 8)).toBe(1);
    expect(achievement(up, 7, 8)).toBe(0);
  });
});

const q4 = (value: number, seriesKey: string): Observation => ({
  periodStart: '2020-10-01', periodEnd: '2020-12-31', value, numerator: null, denominator: null, seriesKey,
});

describe('evaluateIndicator', () => {
  const milestones = [
    { periodStart: '2020-04-01', periodEnd: '2020-06-30', target: 10 },
    { periodStart: '2020-07-01', periodEnd: '2020-09-30', target: 20 },
  ];
  it('composes actual, target to date, final target, achievement and status (demo as-of mid-November)', () => {
    const r = rule({ accumulation: 'cumulative', baselineValue: 5, targetValue: 25 });
    const actual = actualToDate(r, [q4(11, 'city:1'), q4(8, 'city:2')], '2020-11-15');
    const e = evaluateIndicator({ rule: r, milestones, actual, asOf: '2020-11-15' });
    expect(e).toEqual({ actual: { value: 19, numerator: null, denominator: null, reported: true }, targetToDate: 22.5, finalTarget: 25, achievement: 0.8, status: 'at_risk' });
  });
  it('is no_data when nothing has been reported', () => {
    const r = rule({});
    const e = evaluateIndicator({ rule: r, milestones: [], actual: actualToDate(r, [], '2020-11-15'), asOf: '2020-11-15' });
    expect(e.achievement).toBeNull();
    expect(e.status).toBe('no_data');
    expect(e.finalTarget).toBe(40);
  });
  it('evaluates a percent across cities from summed parts', () => {
    const r = rule({ accumulation: 'snapshot', valueKind: 'percent', baselineValue: 20, targetValue: 70 });
    const obs: Observation[] = [
      { periodStart: '2020-04-01', periodEnd: '2020-06-30', value: null, numerator: 1, denominator: 4, seriesKey: 'city:A' },
      { periodStart: '2020-04-01', periodEnd: '2020-06-30', value: null, numerator: 3, denominator: 4, seriesKey: 'city:B' },
    ];
    const e = evaluateIndicator({ rule: r, milestones: [], actual: actualToDate(r, obs, '2020-07-01'), asOf: '2020-07-01' });
    expect(e.actual.value).toBe(50);
    expect(e.targetToDate).toBe(45);
    expect(e.achievement).toBe(1.2);
    expect(e.status).toBe('ahead');
  });
});
