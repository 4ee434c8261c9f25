import { addDays } from '@/lib/periods';
import {
  achievement,
  evaluateIndicator,
  statusOf,
  targetToDate,
  type IndicatorEvaluation,
  type IndicatorRule,
  type Milestone,
  type Reading,
} from '@/lib/progress';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Db } from '../client';
import { targetsInForce } from '../queries/plan-admin/targets-in-force';
import type { PlanIndicator } from '../queries/plans';
import type { ReadClock } from './clock';
import type { ActualToDateRow, UpdateStatus } from './counting';
import { derivedActuals } from './derived';
import type { UpdateFilters } from './filters';
import { planActuals } from './plan-actuals';

/** An indicator's standing at a clock: its actual to date and lib/progress's evaluation of it. */
export interface IndicatorStanding {
  actual: ActualToDateRow | undefined;
  reading: Reading;
  evaluation: IndicatorEvaluation;
}

type RuleSource = Pick<PlanIndicator, 'accumulation' | 'valueKind' | 'direction' | 'baselineValue' | 'baselineDate' | 'targetDate'>;

/** An indicator's rule for lib/progress, with the final target in force. */
export function ruleOf(i: RuleSource, finalTarget: number): IndicatorRule {
  return {
    accumulation: i.accumulation,
    valueKind: i.valueKind,
    direction: i.direction,
    baselineValue: i.baselineValue,
    baselineDate: i.baselineDate,
    targetValue: finalTarget,
    targetDate: i.targetDate,
  };
}

/**
 * An indicator's standing at asOf; with a range start, per-period indicators are measured on the range alone
 * (actual of its periods against target to date at asOf minus target to date the day before it starts).
 * Levels (cumulative, snapshot) are measured at asOf whatever the start. All arithmetic is lib/progress's.
 */
export function evaluateInRange(rule: IndicatorRule, milestones: readonly Milestone[], actual: Reading, asOf: string, from: string | null) {
  const whole = evaluateIndicator({ rule, milestones, actual, asOf });
  if (!from || rule.accumulation !== 'non_cumulative') return whole;
  const expected = whole.targetToDate - targetToDate(rule, milestones, addDays(from, -1));
  const ratio = achievement(rule, actual.value, expected);
  return { ...whole, targetToDate: expected, achievement: ratio, status: statusOf(ratio) };
}

export interface StandingOptions {
  statuses: UpdateStatus[];
  /** Region, cluster and range start (for derived indicators: their registry rows, and per-period ones' range). */
  filters?: UpdateFilters;
  /** One indicator of the plan (an indicator page): the same queries, narrowed to its row. */
  only?: number;
}

/**
 * The standing of every given indicator of a plan at a clock, in a few queries whatever the number of
 * indicators: targets in force on asOf, the logged actuals (planActuals) and the derived ones, evaluated by
 * lib/progress. What the overview, the goal and indicator pages' status, the report and its PDF, the exports
 * and the status tiles show.
 */
export async function planStanding(
  db: Db,
  plan: { id: number; startDate: string; endDate: string },
  indicators: readonly PlanIndicator[],
  clock: ReadClock,
  options: StandingOptions,
): Promise<Map<number, IndicatorStanding>> {
  const filters = options.filters ?? {};
  const from = filters.from ?? null;
  const [targets, logged, derived] = await Promise.all([
    // The targets in force on the as-of date: later revisions do not rewrite the past.
    targetsInForce(db, plan.id, clock.asOf),
    planActuals(db, plan.id, clock, options.statuses, filters, options.only),
    derivedActuals(
      db,
      plan,
      clock,
      indicators.filter((i) => i.source === 'derived'),
      filters,
    ),
  ]);
  const out = new Map<number, IndicatorStanding>();
  for (const i of indicators) {
    const line = targets.get(i.id);
    const rule = ruleOf(i, line?.finalTarget ?? i.targetValue);
    const actual = i.source === 'derived' ? derived.get(i.id) : logged.get(i.id);
    const reading = readingFromAggregate(i.valueKind, actual);
    out.set(i.id, { actual, reading, evaluation: evaluateInRange(rule, line?.milestones ?? [], reading, clock.asOf, from) });
  }
  return out;
}
