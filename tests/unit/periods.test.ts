import { describe, it, expect } from 'vitest';
import {
  addDays,
  calendarPeriodOf,
  clampAsOf,
  daysBetween,
  isIsoDate,
  periodContaining,
  periodKey,
  periodsBetween,
} from '@/lib/periods';

describe('isIsoDate', () => {
  it('accepts real calendar dates, including leap days', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2020-12-31')).toBe(true);
  });
  it('rejects impossible dates and other shapes', () => {
    for (const s of ['2021-02-29', '1900-02-29', '2020-13-01', '2020-04-31', '2020-00-10', '2020-1-1', '2020-01-01T00:00:00Z', '', ' 2020-01-01']) {
      expect(isIsoDate(s)).toBe(false);
    }
    expect(isIsoDate(20200101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('daysBetween / addDays', () => {
  it('counts signed days, across the leap day', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2019-02-28', '2019-03-01')).toBe(1);
    expect(daysBetween('2020-01-01', '2020-12-31')).toBe(365);
    expect(daysBetween('2021-01-01', '2021-12-31')).toBe(364);
    expect(daysBetween('2020-03-01', '2020-02-28')).toBe(-2);
    expect(daysBetween('1970-01-01', '2000-03-01')).toBe(11017);
  });
  it('adds days and round-trips', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('0001-01-01', 0)).toBe('0001-01-01');
    expect(daysBetween('2020-05-17', addDays('2020-05-17', 1000))).toBe(1000);
  });
  it('throws on a malformed date rather than returning NaN', () => {
    expect(() => daysBetween('2020-02-30', '2020-03-01')).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it('gives calendar quarters for a calendar year', () => {
    expect(periodsBetween('quarterly', '2020-01-01', '2020-12-31')).toEqual([
      { start: '2020-01-01', end: '2020-03-31' },
      { start: '2020-04-01', end: '2020-06-30' },
      { start: '2020-07-01', end: '2020-09-30' },
      { start: '2020-10-01', end: '2020-12-31' },
    ]);
  });
  it('clips the first and last period to the plan', () => {
    expect(periodsBetween('quarterly', '2020-02-15', '2020-08-10')).toEqual([
      { start: '2020-02-15', end: '2020-03-31' },
      { start: '2020-04-01', end: '2020-06-30' },
      { start: '2020-07-01', end: '2020-08-10' },
    ]);
  });
  it('handles months in a leap year, half-years and years', () => {
    const months = periodsBetween('monthly', '2020-01-01', '2020-12-31');
    expect(months).toHaveLength(12);
    expect(months[1]).toEqual({ start: '2020-02-01', end: '2020-02-29' });
    expect(periodsBetween('monthly', '2021-02-01', '2021-02-28')).toEqual([{ start: '2021-02-01', end: '2021-02-28' }]);
    expect(periodsBetween('semiannual', '2020-01-01', '2020-12-31')).toEqual([
      { start: '2020-01-01', end: '2020-06-30' },
      { start: '2020-07-01', end: '2020-12-31' },
    ]);
    expect(periodsBetween('annual', '2019-07-01', '2021-03-31')).toEqual([
      { start: '2019-07-01', end: '2019-12-31' },
      { start: '2020-01-01', end: '2020-12-31' },
      { start: '2021-01-01', end: '2021-03-31' },
    ]);
  });
  it('gives a one-day plan one period and an inverted plan none', () => {
    expect(periodsBetween('quarterly', '2020-05-05', '2020-05-05')).toEqual([{ start: '2020-05-05', end: '2020-05-05' }]);
    expect(periodsBetween('quarterly', '2020-12-31', '2020-01-01')).toEqual([]);
  });
});

describe('periodContaining / calendarPeriodOf', () => {
  it('finds the clipped period containing a date', () => {
    expect(periodContaining('quarterly', '2020-11-15', '2020-01-01', '2020-12-31')).toEqual({ start: '2020-10-01', end: '2020-12-31' });
    expect(periodContaining('quarterly', '2020-03-01', '2020-02-15', '2020-12-31')).toEqual({ start: '2020-02-15', end: '2020-03-31' });
    expect(periodContaining('monthly', '2020-02-29', '2020-01-01', '2020-12-31')).toEqual({ start: '2020-02-01', end: '2020-02-29' });
  });
  it('is undefined outside the plan', () => {
    expect(periodContaining('quarterly', '2021-01-01', '2020-01-01', '2020-12-31')).toBeUndefined();
    expect(periodContaining('quarterly', '2019-12-31', '2020-01-01', '2020-12-31')).toBeUndefined();
  });
  it('agrees with periodsBetween', () => {
    const periods = periodsBetween('monthly', '2020-01-10', '2020-06-20');
    expect(periodContaining('monthly', '2020-04-30', '2020-01-10', '2020-06-20')).toEqual(periods[3]);
  });
  it('gives unclipped calendar periods', () => {
    expect(calendarPeriodOf('semiannual', '2020-07-01')).toEqual({ start: '2020-07-01', end: '2020-12-31' });
    expect(calendarPeriodOf('quarterly', '2020-06-30')).toEqual({ start: '2020-04-01', end: '2020-06-30' });
  });
});

describe('clampAsOf', () => {
  it('clamps today into the plan', () => {
    expect(clampAsOf('2020-11-15', '2020-01-01', '2020-12-31')).toBe('2020-11-15');
    expect(clampAsOf('2021-03-02', '2020-01-01', '2020-12-31')).toBe('2020-12-31');
    expect(clampAsOf('2019-06-30', '2020-01-01', '2020-12-31')).toBe('2020-01-01');
  });
});

describe('periodKey', () => {
  it('gives stable machine labels', () => {
    expect(periodKey({ start: '2020-04-01', end: '2020-06-30' }, 'quarterly')).toBe('2020-Q2');
    expect(periodKey({ start: '2020-10-01', end: '2020-12-31' }, 'quarterly')).toBe('2020-Q4');
    expect(periodKey({ start: '2020-01-01', end: '2020-06-30' }, 'semiannual')).toBe('2020-H1');
    expect(periodKey({ start: '2020-07-01', end: '2020-12-31' }, 'semiannual')).toBe('2020-H2');
    expect(periodKey({ start: '2020-03-01', end: '2020-03-31' }, 'monthly')).toBe('2020-03');
    expect(periodKey({ start: '2020-01-01', end: '2020-12-31' }, 'annual')).toBe('2020');
  });
  it('labels a clipped period by its calendar period', () => {
    expect(periodKey({ start: '2020-02-15', end: '2020-03-31' }, 'quarterly')).toBe('2020-Q1');
    const keys = periodsBetween('quarterly', '2020-02-15', '2021-01-20').map((p) => periodKey(p, 'quarterly'));
    expect(keys).toEqual(['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4', '2021-Q1']);
  });
});
