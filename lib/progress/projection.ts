/**
 * Straight-line projections at the current pace. Indicative only (charts
 * and "pace needed" hints); status is never derived from them.
 */
import { daysBetween, type IsoDate, type Period } from '../periods';
import type { IndicatorRule, Reading } from './types';

/**
 * Projected value at planEnd if the pace since planStart continues.
 * Elapsed fraction = days elapsed ÷ plan days, with asOf counted as elapsed
 * (same end-of-day convention as targets.ts); asOf after planEnd is clamped.
 *   non_cumulative: actual to date ÷ elapsed fraction. Percent is the
 *     exception: numerator and denominator both grow with time, so the ratio
 *     of sums projects to itself.
 *   cumulative/snapshot: baseline + (actual − baseline) ÷ elapsed fraction;
 *     percent levels are clamped to [0, 100] (a share cannot leave that range).
 * null when there is no value, asOf is before planStart, or the plan is empty.
 */
export function projectEndOfPlan(
  rule: Pick<IndicatorRule, 'accumulation' | 'valueKind' | 'baselineValue'>,
  actual: Reading,
  asOf: IsoDate,
  planStart: IsoDate,
  planEnd: IsoDate,
): number | null {
  const value = actual.value;
  if (value === null || asOf < planStart || planEnd < planStart) return null;
  const until = asOf > planEnd ? planEnd : asOf;
  const fraction = (daysBetween(planStart, until) + 1) / (daysBetween(planStart, planEnd) + 1);
  const percent = rule.valueKind === 'percent';
  if (rule.accumulation === 'non_cumulative') return percent ? value : value / fraction;
  const projected = rule.baselineValue + (value - rule.baselineValue) / fraction;
  return percent ? Math.min(100, Math.max(0, projected)) : projected;
}

/**
 * Change needed per remaining period to reach the target:
 * (target − actual) ÷ remainingPeriods, signed and unclamped. For
 * non_cumulative it is what each remaining period must add (increase) or may
 * add at most (decrease); for levels, the level change per period. A result
 * on the "wrong" side (≤ 0 for an increase) means the target is already met.
 * `target` defaults to rule.targetValue; pass finalTarget(rule, milestones)
 * when milestones define it. null without an actual or remaining periods.
 */
export function pacePerPeriodNeeded(
  rule: Pick<IndicatorRule, 'targetValue'>,
  actual: number | null,
  remainingPeriods: number,
  target: number = rule.targetValue,
): number | null {
  if (actual === null || !Number.isFinite(remainingPeriods) || remainingPeriods <= 0) return null;
  return (target - actual) / remainingPeriods;
}

/** Periods not yet finished at asOf (end after asOf) — the usual remainingPeriods. */
export function remainingPeriodCount(periods: readonly Period[], asOf: IsoDate): number {
  return periods.filter((p) => p.end > asOf).length;
}
