/**
 * The one composition every page, report and export calls, so they cannot
 * disagree about an indicator's standing.
 */
import type { IsoDate } from '../periods';
import { achievement, statusOf } from './status';
import { finalTarget, targetToDate } from './targets';
import type { IndicatorRule, Milestone, Reading, Status } from './types';

export interface IndicatorEvaluationInput {
  rule: IndicatorRule;
  milestones: readonly Milestone[];
  /** The actual-to-date reading at asOf (actualToDate() or its SQL twin). */
  actual: Reading;
  asOf: IsoDate;
}

export interface IndicatorEvaluation {
  actual: Reading;
  targetToDate: number;
  finalTarget: number;
  /** null exactly when status is 'no_data'. */
  achievement: number | null;
  status: Status;
}

/**
 * Status is 'no_data' when the reading has no value: nothing reported yet, or
 * a percent whose denominators sum to 0. A carried-forward level (value
 * present, reported false) is still evaluated: it is the current level.
 */
export function evaluateIndicator({ rule, milestones, actual, asOf }: IndicatorEvaluationInput): IndicatorEvaluation {
  const expected = targetToDate(rule, milestones, asOf);
  const ratio = achievement(rule, actual.value, expected);
  return {
    actual,
    targetToDate: expected,
    finalTarget: finalTarget(rule, milestones),
    achievement: ratio,
    status: statusOf(ratio),
  };
}
