import { describe, expect, it } from 'vitest';
import { farFromRecent, gapPeriods, qualityFlags, QUALITY_THRESHOLDS, type FlagIndicator } from '@/lib/quality/flags';

const plan = { start: '2020-01-01', end: '2020-12-31' };
const q = (n: 1 | 2 | 3 | 4) => ({ start: `2020-${String(3 * n - 2).padStart(2, '0')}-01`, end: ['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31'][n - 1]! });
const count: FlagIndicator = { valueKind: 'count', accumulation: 'non_cumulative', frequency: 'quarterly' };
const total: FlagIndicator = { valueKind: 'count', accumulation: 'cumulative', frequency: 'quarterly' };
const level: FlagIndicator = { valueKind: 'count', accumulation: 'snapshot', frequency: 'quarterly' };
const percent: FlagIndicator = { valueKind: 'percent', accumulation: 'snapshot', frequency: 'quarterly' };
const milestone: FlagIndicator = { valueKind: 'milestone', accumulation: 'snapshot', frequency: 'quarterly' };
const facts = (recent: number[], extra: { duplicate?: boolean; reportedEnds?: string[] } = {}) => ({
  recent: recent.map((figure, i) => ({ periodEnd: q((3 - i) as 1 | 2 | 3).end, figure })),
  duplicate: extra.duplicate ?? false,
  reportedEnds: extra.reportedEnds ?? recent.map((_, i) => q((3 - i) as 1 | 2 | 3).end),
});
const kinds = (ind: FlagIndicator, figure: number | null, f: ReturnType<typeof facts>, period = q(4)) => qualityFlags(ind, plan, period, figure, f).map((x) => x.kind);

describe('data-quality flags', () => {
  it('period counts: far above or below the recent median by the ratio, not at it; no basis from zeros or nothing', () => {
    const r = QUALITY_THRESHOLDS.periodRatio;
    expect(farFromRecent(count, 10 * r, [10, 10, 9])).toBeUndefined(); // exactly the ratio is not beyond it
    expect(farFromRecent(count, 10 * r + 1, [10, 10, 9])).toBe(10);
    expect(farFromRecent(count, 3, [10, 10, 9])).toBe(10); // below median ÷ ratio
    expect(farFromRecent(count, 0, [10, 10, 9])).toBe(10); // a sudden zero
    expect(farFromRecent(count, 500, [0, 0])).toBeUndefined();
    expect(farFromRecent(count, 500, [])).toBeUndefined();
    // The median resists one odd value among the recent ones.
    expect(farFromRecent(count, 12, [10, 400, 11])).toBeUndefined();
  });

  it('running totals: lower than the last is its own flag; growth far above the growth so far is far', () => {
    expect(kinds(total, 19, facts([20, 15, 10]))).toEqual(['lowerThanLast']);
    expect(kinds(total, 20, facts([20, 15, 10]))).toEqual([]); // unchanged is fine
    expect(kinds(total, 35, facts([20, 15, 10]))).toEqual([]); // growth 15 = 3 × 5
    expect(kinds(total, 36, facts([20, 15, 10]))).toEqual(['farFromRecent']);
    // A single earlier total: only a jump beyond firstGrowthRatio × it.
    expect(kinds(total, 10 * QUALITY_THRESHOLDS.firstGrowthRatio, facts([10]))).toEqual([]);
    expect(kinds(total, 101, facts([10]))).toEqual(['farFromRecent']);
  });

  it('levels compare with the last level; percentages in points from the recent mean', () => {
    expect(kinds(level, 31, facts([10, 1]))).toEqual(['farFromRecent']);
    expect(kinds(level, 30, facts([10, 1]))).toEqual([]);
    expect(kinds(percent, 40 + QUALITY_THRESHOLDS.percentPoints, facts([40, 40]))).toEqual(['farFromRecent']);
    expect(kinds(percent, 40 + QUALITY_THRESHOLDS.percentPoints - 0.5, facts([40, 40]))).toEqual([]);
    expect(kinds(percent, 10, facts([40, 40]))).toEqual(['farFromRecent']);
    expect(kinds(milestone, 1, facts([0, 0]))).toEqual([]);
  });

  it('a duplicate, and a gap since the series began (not before its first report, not the period itself)', () => {
    expect(kinds(count, 10, facts([10], { duplicate: true }))).toEqual(['duplicate']);
    expect(gapPeriods(count, plan, q(4), [q(1).end, q(3).end])).toEqual(['2020-Q2']);
    expect(gapPeriods(count, plan, q(4), [q(2).end])).toEqual(['2020-Q3']);
    expect(gapPeriods(count, plan, q(4), [q(3).end])).toEqual([]);
    expect(gapPeriods(count, plan, q(4), [])).toEqual([]); // a first report is not a gap
    const flags = qualityFlags(count, plan, q(4), 10, facts([10], { reportedEnds: [q(1).end] }));
    expect(flags).toEqual([{ kind: 'gap', values: { periods: '2020-Q2, 2020-Q3' } }]);
    // A milestone (no figure to compare) can still be a duplicate or leave a gap.
    expect(kinds(milestone, null, facts([], { duplicate: true, reportedEnds: [q(1).end] }))).toEqual(['duplicate', 'gap']);
  });
});
