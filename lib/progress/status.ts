/**
 * Achievement (actual against target to date) and the status it maps to.
 * Achievement is a ratio (1 = exactly on target to date), never rounded here.
 */
import type { IndicatorRule, Status } from './types';

/**
 * The ONE place the status bands live. Achievement a:
 *   a > ahead → 'ahead'; a ≥ onTrack → 'on_track'; a ≥ atRisk → 'at_risk';
 *   otherwise → 'off_track'. (So exactly 1.10 is on track, 0.90 on track, 0.70 at risk.)
 */
export const STATUS_THRESHOLDS = { ahead: 1.1, onTrack: 0.9, atRisk: 0.7 } as const;

type AchievementRule = Pick<IndicatorRule, 'accumulation' | 'direction' | 'baselineValue'>;

/** 1 when actual is on the direction's side of (or equal to) the target, else 0. */
function metOrNot(direction: IndicatorRule['direction'], actual: number, target: number): number {
  return (direction === 'increase' ? actual >= target : actual <= target) ? 1 : 0;
}

/**
 * Achievement against the target to date; null when actual is null (no data).
 *
 * non_cumulative, increase: actual ÷ targetToDate. When targetToDate ≤ 0 there
 *   is no meaningful ratio, so met (actual ≥ target) → 1, else 0.
 * non_cumulative, decrease (e.g. incidents, with targetToDate the allowance
 *   so far): targetToDate ÷ actual. CHOSEN: actual ≤ 0 with a positive
 *   allowance is +Infinity (fully met and better than any positive actual —
 *   the only choice that keeps achievement anti-monotone in actual; statusOf
 *   maps it to 'ahead', formatting must show it as e.g. "—" or "∞").
 *   When targetToDate ≤ 0: met (actual ≤ target) → 1, else 0.
 * cumulative, snapshot: (actual − baseline) ÷ (targetToDate − baseline); for a
 *   decrease both are negative when progressing, so the same formula holds.
 *   When targetToDate equals the baseline: met/not met (1/0) by direction.
 *   CHOSEN: when targetToDate lies on the wrong side of the baseline for the
 *   direction (e.g. a milestone below baseline for an increase), the ratio
 *   would reward moving the wrong way, so met/not met is used there too.
 */
export function achievement(rule: AchievementRule, actual: number | null, targetToDate: number): number | null {
  if (actual === null || Number.isNaN(actual) || Number.isNaN(targetToDate)) return null;
  const increase = rule.direction === 'increase';
  if (rule.accumulation === 'non_cumulative') {
    if (targetToDate <= 0) return metOrNot(rule.direction, actual, targetToDate);
    if (increase) return actual / targetToDate;
    return actual <= 0 ? Number.POSITIVE_INFINITY : targetToDate / actual;
  }
  const span = targetToDate - rule.baselineValue;
  if (span === 0 || (increase ? span < 0 : span > 0)) return metOrNot(rule.direction, actual, targetToDate);
  return (actual - rule.baselineValue) / span;
}

/** Status band of an achievement; null (nothing reported) → 'no_data'. */
export function statusOf(achievementValue: number | null): Status {
  if (achievementValue === null || Number.isNaN(achievementValue)) return 'no_data';
  if (achievementValue > STATUS_THRESHOLDS.ahead) return 'ahead';
  if (achievementValue >= STATUS_THRESHOLDS.onTrack) return 'on_track';
  if (achievementValue >= STATUS_THRESHOLDS.atRisk) return 'at_risk';
  return 'off_track';
}
