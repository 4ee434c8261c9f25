import { and, eq } from 'drizzle-orm';
import { addDays, periodKey, periodsBetween, type Period } from '@/lib/periods';
import {
  pacePerPeriodNeeded,
  projectEndOfPlan,
  remainingPeriodCount,
  targetToDate,
  type IndicatorEvaluation,
  type IndicatorRule,
  type Milestone,
} from '@/lib/progress';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Db } from '../../client';
import {
  countedStatuses,
  currentKnowledge,
  derivedBreakdownOf,
  derivedSeries,
  indicatorSeries,
  knownOn,
  logBreakdown,
  planStanding,
  ruleOf,
  type BreakdownDimension,
  type DerivedChartBreakdown,
  type ReadClock,
} from '../../read-model';
import { indicators, workPlans } from '../../schema';
import { targetHistory, targetsInForce } from '../plan-admin/targets-in-force';
import { asOfDateFor, findPlan, indicatorHeading, type IndicatorHeading, type WorkPlan } from '../plans';

type IndicatorRow = typeof indicators.$inferSelect;

export interface ChartPoint {
  /** Machine key of the period ('2020-Q2'); labels come from lib/i18n/periods. */
  key: string;
  period: Period;
  /** Running total (cumulative), per-period value (non_cumulative) or level (snapshot); null = nothing yet. */
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Something was reported for this very period (a level may otherwise carry forward). */
  reported: boolean;
  /** The target for this period: what it should add (non_cumulative) or the level expected at its end. */
  target: number;
  /** The same under the targets as first endorsed, when they were revised since; else null. */
  originalTarget: number | null;
}

export interface BreakdownBar {
  memberId: number | null;
  name: string | null;
  nameZh: string | null;
  others: boolean;
  value: number | null;
}

export interface IndicatorChart {
  plan: Pick<WorkPlan, 'id' | 'year' | 'startDate' | 'endDate'>;
  indicator: IndicatorHeading;
  asOf: string;
  /** Knowledge time: null for current knowledge, else the past day the figures are as known on. */
  knownOn: string | null;
  baseline: number;
  points: ChartPoint[];
  evaluation: IndicatorEvaluation;
  projectedEnd: number | null;
  pacePerPeriod: number | null;
  remainingPeriods: number;
  targetRevised: boolean;
  breakdown: { dimension: BreakdownDimension; bars: BreakdownBar[] } | null;
  /** Derived indicators: their registry rows split by a dimension (db/queries/derived/chart.ts). */
  derivedBreakdown: DerivedChartBreakdown | null;
}

export interface IndicatorChartOptions {
  /** Defaults to the plan's as-of date; clamped to the plan by the caller's choice of date. */
  asOf?: string;
  /** Reconstruct knowledge at the end of this past day (a meeting's pack); default: current knowledge. */
  knownOn?: string;
  includeSubmitted?: boolean;
  topN?: number;
  /** The dimension a derived indicator is broken down by (the page's `by`); one it does not carry is said on the page. */
  breakdownBy?: string;
}

/** A period's target from lib/progress: the level at its end, or (non_cumulative) what it adds. */
function periodTarget(rule: IndicatorRule, milestones: readonly Milestone[], p: Period): number {
  const atEnd = targetToDate(rule, milestones, p.end);
  if (rule.accumulation !== 'non_cumulative') return atEnd;
  return atEnd - targetToDate(rule, milestones, addDays(p.start, -1));
}

/** The dimension a logged indicator is broken down by: the first it is disaggregated by (derived ones: their own). */
function breakdownDimension(i: IndicatorRow): BreakdownDimension | null {
  return i.source === 'manual' ? (i.disaggregations[0] ?? null) : null;
}

/**
 * Everything one indicator's chart shows, per period of its frequency within its plan, as of a date: the SQL
 * aggregates (see series-as-of.ts), the targets in force on that date, and lib/progress for targets, status,
 * projection and pace. Undefined for an unknown indicator.
 */
export async function indicatorChart(
  db: Db,
  indicatorId: number,
  options: IndicatorChartOptions = {},
): Promise<IndicatorChart | undefined> {
  const [i] = await db.select().from(indicators).where(eq(indicators.id, indicatorId));
  if (!i) return undefined;
  const plan = await findPlanOf(db, i.planId);
  if (!plan) return undefined;
  const asOf = options.asOf ?? (await asOfDateFor(db, plan));
  const clock: ReadClock = options.knownOn ? knownOn(asOf, options.knownOn) : currentKnowledge(asOf);
  const statuses = countedStatuses(options.includeSubmitted ?? false);
  const periods = periodsBetween(i.frequency, plan.startDate, plan.endDate);
  // Periods not begun by asOf have no reading yet: they are drawn as gaps, not zeros.
  const begun = periods.filter((p) => p.start <= asOf);
  const dimension = breakdownDimension(i);
  const topN = options.topN ?? 5;

  const [inForce, history, aggregates, standing, breakdown, derivedBreakdown] = await Promise.all([
    targetsInForce(db, plan.id, asOf),
    targetHistory(db, i.id),
    i.source === 'derived' ? derivedSeries(db, i, plan, begun, clock) : indicatorSeries(db, i.id, i.accumulation, begun, clock, statuses),
    // The actual to date and its status: the same query and evaluation as the overview and the report.
    planStanding(db, plan, [i], clock, { statuses, only: i.id }).then((m) => m.get(i.id)!),
    dimension ? logBreakdown(db, i.id, i.accumulation, dimension, clock, statuses, topN) : undefined,
    i.source === 'derived' ? derivedBreakdownOf(db, i, plan, options.breakdownBy, clock) : null,
  ]);

  const line = inForce.get(i.id) ?? { finalTarget: i.targetValue, milestones: [] };
  const rule = ruleOf(i, line.finalTarget);
  const revised = (history?.revisions.length ?? 0) > 0;
  const originalRule = history ? ruleOf(i, history.original.finalTarget) : rule;
  const actual = standing.reading;
  const evaluation = standing.evaluation;
  const remainingPeriods = remainingPeriodCount(periods, asOf);

  const points = periods.map((p, index): ChartPoint => {
    const reading = readingFromAggregate(i.valueKind, aggregates[index]);
    return {
      key: periodKey(p, i.frequency),
      period: p,
      actual: reading.value,
      numerator: reading.numerator,
      denominator: reading.denominator,
      reported: reading.reported,
      target: periodTarget(rule, line.milestones, p),
      originalTarget: revised && history ? periodTarget(originalRule, history.original.milestones, p) : null,
    };
  });

  return {
    plan: { id: plan.id, year: plan.year, startDate: plan.startDate, endDate: plan.endDate },
    indicator: indicatorHeading(i),
    asOf,
    knownOn: clock.knownOn,
    baseline: i.baselineValue,
    points,
    evaluation,
    projectedEnd: projectEndOfPlan(rule, actual, asOf, plan.startDate, plan.endDate),
    pacePerPeriod: pacePerPeriodNeeded(rule, actual.value, remainingPeriods, evaluation.finalTarget),
    remainingPeriods,
    targetRevised: revised,
    breakdown:
      dimension && breakdown
        ? {
            dimension,
            bars: breakdown.map((b) => ({
              memberId: b.memberId,
              name: b.name,
              nameZh: b.nameZh,
              others: b.others,
              value: readingFromAggregate(i.valueKind, b).value,
            })),
          }
        : null,
    derivedBreakdown,
  };
}

async function findPlanOf(db: Db, planId: number): Promise<WorkPlan | undefined> {
  const [plan] = await db.select().from(workPlans).where(eq(workPlans.id, planId));
  return plan;
}

/** The chart of an indicator given by code in a plan year (default: the plan the overview shows). */
export async function indicatorChartByCode(db: Db, code: string, options: IndicatorChartOptions & { year?: number } = {}) {
  const plan = await findPlan(db, options.year);
  if (!plan) return undefined;
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.planId, plan.id), eq(indicators.code, code)));
  return row ? indicatorChart(db, row.id, options) : undefined;
}
