/**
 * The vocabulary of the progress rules. These types describe what the math
 * needs, not database rows: db/queries maps rows onto them.
 */
import type { IsoDate } from '../periods';

export type { IsoDate, Frequency, Period } from '../periods';

/**
 * non_cumulative: each value is what happened in its period; periods add up.
 * cumulative: each value is the running total since the plan began; the
 *   latest one is the total, never the sum.
 * snapshot: each value is the current level; never summed over time.
 */
export type Accumulation = 'non_cumulative' | 'cumulative' | 'snapshot';
export type ValueKind = 'count' | 'percent' | 'currency' | 'milestone';
export type Direction = 'increase' | 'decrease';
export type Status = 'ahead' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

/**
 * One progress update as the math sees it. Percent indicators carry
 * numerator and denominator (value null) so totals across cities are
 * recomputed from sums, never averaged; other kinds carry value.
 * seriesKey identifies the disaggregation, e.g. 'city:12|cluster:-|partner:-'.
 */
export interface Observation {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  seriesKey: string;
}

/**
 * A per-period milestone. For non_cumulative indicators `target` is what the
 * period should add; for cumulative and snapshot it is the level expected at
 * periodEnd (periodStart is then unused, but kept so one shape serves both).
 */
export interface Milestone {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  target: number;
}

export interface IndicatorRule {
  accumulation: Accumulation;
  valueKind: ValueKind;
  direction: Direction;
  baselineValue: number;
  baselineDate: IsoDate;
  targetValue: number;
  targetDate: IsoDate;
}

/** The part of a rule that decides how observations aggregate. */
export type AggregateKind = Pick<IndicatorRule, 'accumulation' | 'valueKind'>;

/**
 * An aggregate. For percent: value = 100 × numerator ÷ denominator (null when
 * the denominator sum is 0), numerator/denominator are the sums. For other
 * kinds numerator and denominator are null. `reported` says whether any
 * observation was reported in the window (see aggregate.ts for exact rules).
 */
export interface Reading {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reported: boolean;
}
