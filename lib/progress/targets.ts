/**
 * Expected-by-now ("target to date") and the final target.
 *
 * Time convention: every date stands for the END of that day. So a period
 * [start, end] spans daysBetween(start, end) + 1 days, and on its first day
 * one day of it has elapsed; on its last day all of it has. The baseline is
 * the level at the end of baselineDate, the final target the level at the
 * end of targetDate. This keeps "periods ended on/before asOf count in full"
 * and "the period containing asOf counts pro rata" continuous: no jump at a
 * period boundary.
 *
 * Milestones, when present, are the detailed plan and win over the rule's
 * final target where both speak; finalTarget() is therefore defined as the
 * value targetToDate() settles on once every point has passed, so the number
 * shown as "final target" is the one status is measured against at the end.
 */
import { daysBetween, type IsoDate } from '../periods';
import type { IndicatorRule, Milestone } from './types';

/** Fraction of [from, to] elapsed at `at`, clamped to 0..1; a zero-length span is a step at `to`. */
export function elapsedFraction(from: IsoDate, to: IsoDate, at: IsoDate): number {
  const span = daysBetween(from, to);
  if (span <= 0) return at >= to ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(from, at) / span));
}

interface LevelPoint {
  date: IsoDate;
  level: number;
}

/**
 * The points a level (cumulative/snapshot) target path runs through: the
 * baseline, then milestones by periodEnd (ties keep input order, so the later
 * one wins), then the final target at targetDate only if it lies after the
 * last milestone (always, when there are no milestones). Milestones on or
 * before baselineDate are ignored: the baseline is the known level there.
 */
function levelPoints(rule: IndicatorRule, milestones: readonly Milestone[]): LevelPoint[] {
  const points: LevelPoint[] = [{ date: rule.baselineDate, level: rule.baselineValue }];
  const ordered = milestones
    .filter((m) => m.periodEnd > rule.baselineDate)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.periodEnd < b.m.periodEnd ? -1 : a.m.periodEnd > b.m.periodEnd ? 1 : a.i - b.i));
  for (const { m } of ordered) points.push({ date: m.periodEnd, level: m.target });
  const last = points[points.length - 1] as LevelPoint;
  // Without milestones the target always counts; a target dated on or before
  // the baseline (degenerate data) becomes a step at the baseline date.
  if (ordered.length === 0 || rule.targetDate > last.date) {
    points.push({ date: rule.targetDate > last.date ? rule.targetDate : last.date, level: rule.targetValue });
  }
  return points;
}

function levelAt(points: readonly LevelPoint[], asOf: IsoDate): number {
  let prev: LevelPoint | undefined;
  let next: LevelPoint | undefined;
  for (const p of points) {
    if (p.date <= asOf) prev = p;
    else if (next === undefined) next = p;
  }
  // Before the first point the baseline holds; after the last, the last level holds.
  if (prev === undefined) return points[0]?.level ?? 0;
  if (next === undefined) return prev.level;
  const share = daysBetween(prev.date, asOf) / daysBetween(prev.date, next.date);
  return prev.level + (next.level - prev.level) * share;
}

/**
 * Expected-by-now at asOf.
 * non_cumulative with milestones: Σ targets of milestones with periodEnd ≤ asOf,
 *   plus, for a milestone whose period contains asOf, target × elapsed days ÷
 *   days of that period (asOf counted as elapsed). Milestones are per-period
 *   additions; the baseline is context and never added.
 * non_cumulative without milestones: targetValue × elapsed fraction of
 *   [baselineDate, targetDate], clamped to 0..1.
 * cumulative/snapshot: linear interpolation through the level points (see
 *   levelPoints); before the baseline date, the baseline; after the last
 *   point, its level. Without milestones: linear from baseline to target.
 */
export function targetToDate(rule: IndicatorRule, milestones: readonly Milestone[], asOf: IsoDate): number {
  if (rule.accumulation !== 'non_cumulative') return levelAt(levelPoints(rule, milestones), asOf);
  if (milestones.length === 0) return rule.targetValue * elapsedFraction(rule.baselineDate, rule.targetDate, asOf);
  let total = 0;
  for (const m of milestones) {
    if (m.periodEnd <= asOf) total += m.target;
    else if (m.periodStart <= asOf) {
      total += (m.target * (daysBetween(m.periodStart, asOf) + 1)) / (daysBetween(m.periodStart, m.periodEnd) + 1);
    }
  }
  return total;
}

/**
 * The final target: what targetToDate settles on after the last point.
 * non_cumulative: Σ milestone targets, or targetValue without milestones.
 * cumulative/snapshot: targetValue, unless a milestone ends on or after
 *   targetDate — then the latest such milestone's level.
 */
export function finalTarget(rule: IndicatorRule, milestones: readonly Milestone[]): number {
  if (rule.accumulation === 'non_cumulative') {
    return milestones.length === 0 ? rule.targetValue : milestones.reduce((s, m) => s + m.target, 0);
  }
  const points = levelPoints(rule, milestones);
  return points[points.length - 1]?.level ?? rule.targetValue;
}
