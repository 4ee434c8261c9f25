// The progress rules: pure functions, no database, React or Node APIs.
export * from './types';
export { aggregatePeriod, aggregateSeries, actualToDate } from './aggregate';
export { targetToDate, finalTarget, elapsedFraction } from './targets';
export { STATUS_THRESHOLDS, achievement, statusOf } from './status';
export { projectEndOfPlan, pacePerPeriodNeeded, remainingPeriodCount } from './projection';
export { evaluateIndicator, type IndicatorEvaluation, type IndicatorEvaluationInput } from './evaluate';
