import { periodsBetween, type Period } from '@/lib/periods';
import { contributesToSdg, sdgGoalsOf } from '@/lib/sdg';
import { EXPAND_ALL_UP_TO } from '@/lib/validation/open-goals';
import type { IndicatorEvaluation, Status } from '@/lib/progress';
import type { Db } from '../client';
import {
  countedStatuses,
  currentKnowledge,
  derivedRegistryOf,
  knownOn,
  lastReporters,
  planStanding,
  sparklines,
  type UpdateFilters,
} from '../read-model';
import type { DerivedRegistry } from './derived';
import { asOfDateFor, findPlan, indicatorHeading, planGoals, planIndicators, type IndicatorHeading, type WorkPlan } from './plans';
import { planSdgTags } from './plan-admin/sdg-tags';

export interface OverviewIndicator extends IndicatorHeading {
  baselineValue: number;
  ownerName: string | null;
  lastUpdatedAt: string | null;
  /** Who reported the latest counted update (manual indicators). */
  lastReporter: string | null;
  /** For derived indicators: the registry the value is computed from (shown as a note); null for manual ones. */
  derivedFrom: DerivedRegistry | null;
  evaluation: IndicatorEvaluation;
  /** The actual of each of the view's recent periods (Overview.sparkPeriods), null where nothing was counted. */
  sparkline: (number | null)[];
  /** The SDG goals and targets it is tagged with (lib/sdg codes). */
  sdgTags: string[];
}

export interface OverviewGoal {
  id: number;
  code: string;
  title: string;
  titleZh: string | null;
  indicatorCount: number;
  statusCounts: Record<Status, number>;
  /** The lowest finite achievement among its indicators: "off track by how much" at a glance. */
  lowestAchievement: number | null;
  /** Whether its indicators were asked for; `indicators` is empty otherwise. */
  expanded: boolean;
  indicators: OverviewIndicator[];
  /** The SDG goals and targets it is tagged with (lib/sdg codes). */
  sdgTags: string[];
}

export interface OverviewQuery extends UpdateFilters {
  year?: number;
  includeSubmitted?: boolean;
  /** The end of the period range: the view is "as of" min(to, the plan's as-of date). */
  to?: string;
  /** Knowledge time: the figures as known at the end of this day (default: current knowledge). */
  knownOn?: string;
  /** The goals whose indicators are returned; by default all of a small plan, none of a large one. */
  openGoals?: readonly string[] | 'all' | 'none';
  /**
   * Only what contributes to this SDG (a goal number): indicators tagged with it or one of its targets, or whose
   * goal is; goals without such an indicator drop out. Status counts are of what remains.
   */
  sdg?: string;
}

export interface Overview {
  plan: WorkPlan;
  /** The plan's own as-of date (today clamped, or the demo's stored date). */
  planAsOf: string;
  /** The date the view is evaluated at (the range's end, never after planAsOf). */
  asOf: string;
  /** The range's start when it narrows the view (after the plan's start), else null. */
  from: string | null;
  /** The knowledge day the figures were reconstructed at; null for current knowledge. */
  knownOn: string | null;
  includeSubmitted: boolean;
  filtered: { region: UpdateFilters['region'] | null; cluster: number | null; sdg: string | null };
  /** The SDG goals the plan's goals and indicators are tagged with (the filter's choices). */
  sdgChoices: string[];
  /** The plan's quarters, for the period-range choices. */
  periods: Period[];
  /** The recent periods the sparklines show. */
  sparkPeriods: Period[];
  goals: OverviewGoal[];
  statusCounts: Record<Status, number>;
}

export { EXPAND_ALL_UP_TO };

const emptyCounts = (): Record<Status, number> => ({ ahead: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 });

/** The view's dates from the URL's range, clamped into the plan and its as-of date. */
export function resolveRange(plan: Pick<WorkPlan, 'startDate' | 'endDate'>, planAsOf: string, from?: string, to?: string) {
  let asOf = planAsOf;
  if (to && to >= plan.startDate && to < planAsOf) asOf = to;
  const narrowed = from && from > plan.startDate && from <= asOf ? from : null;
  return { asOf, from: narrowed };
}

/**
 * The overview: every goal with its status summary (from one aggregate query of every indicator's actual to
 * date, evaluated by lib/progress), and the indicators — with reporter and sparkline — only of the goals asked
 * for, so the page's size and the detail queries do not grow with the number of indicators.
 */
export async function getOverview(db: Db, options: OverviewQuery = {}): Promise<Overview | undefined> {
  const plan = await findPlan(db, options.year);
  if (!plan) return undefined;
  const includeSubmitted = options.includeSubmitted ?? false;
  const statuses = countedStatuses(includeSubmitted);
  const planAsOf = await asOfDateFor(db, plan);
  const { asOf, from } = resolveRange(plan, planAsOf, options.from, options.to);
  const filters: UpdateFilters = { from: from ?? undefined, region: options.region, cluster: options.cluster };
  // The dashboards read current knowledge for the periods up to the as-of date (db/read-model/clock.ts); the
  // API may ask for the knowledge of a past day, as the report and the indicator chart can.
  const clock = options.knownOn ? knownOn(asOf, options.knownOn) : currentKnowledge(asOf);
  const [goalRows, allIndicatorRows, tags] = await Promise.all([planGoals(db, plan.id), planIndicators(db, plan.id), planSdgTags(db, plan.id)]);
  const goalTags = (goalId: number) => tags.goals.get(goalId) ?? [];
  const indicatorTags = (id: number) => tags.indicators.get(id) ?? [];
  const sdg = options.sdg;
  const indicatorRows = sdg
    ? allIndicatorRows.filter(({ indicator: i }) => contributesToSdg([...indicatorTags(i.id), ...goalTags(i.goalId)], sdg))
    : allIndicatorRows;
  // Region and cluster narrow logged indicators only (the page says so); a range start narrows per-period ones.
  const standing = await planStanding(
    db,
    plan,
    indicatorRows.map((r) => r.indicator),
    clock,
    { statuses, filters },
  );

  const open = options.openGoals ?? (indicatorRows.length <= EXPAND_ALL_UP_TO ? 'all' : 'none');
  const statusCounts = emptyCounts();
  const goalsById = new Map<number, OverviewGoal>(
    goalRows.map((g) => [
      g.id,
      {
        id: g.id,
        code: g.code,
        title: g.title,
        titleZh: g.titleZh,
        indicatorCount: 0,
        statusCounts: emptyCounts(),
        lowestAchievement: null,
        expanded: open === 'all' || (open !== 'none' && open.includes(g.code)),
        indicators: [],
        sdgTags: goalTags(g.id),
      },
    ]),
  );
  for (const { indicator: i, ownerName } of indicatorRows) {
    const { actual: actualRow, evaluation } = standing.get(i.id)!;
    statusCounts[evaluation.status] += 1;
    const goal = goalsById.get(i.goalId);
    if (!goal) continue;
    goal.indicatorCount += 1;
    goal.statusCounts[evaluation.status] += 1;
    const ratio = evaluation.achievement;
    if (ratio !== null && Number.isFinite(ratio) && (goal.lowestAchievement === null || ratio < goal.lowestAchievement)) {
      goal.lowestAchievement = ratio;
    }
    if (!goal.expanded) continue;
    goal.indicators.push({
      ...indicatorHeading(i),
      baselineValue: i.baselineValue,
      ownerName,
      lastUpdatedAt: actualRow?.lastUpdatedAt ?? null,
      lastReporter: null,
      derivedFrom: i.source === 'derived' ? (derivedRegistryOf(i.derivedKey) ?? null) : null,
      evaluation,
      sparkline: [],
      sdgTags: indicatorTags(i.id),
    });
  }

  const periods = periodsBetween('quarterly', plan.startDate, plan.endDate);
  const sparkPeriods = periods.filter((p) => p.start <= asOf && p.end >= (from ?? plan.startDate)).slice(-6);
  const shown = [...goalsById.values()].flatMap((g) => g.indicators);
  const shownIds = new Set(shown.map((s) => s.id));
  const detailRows = indicatorRows.filter((r) => shownIds.has(r.indicator.id)).map((r) => r.indicator);
  const [reporters, sparks] = await Promise.all([
    // Who reported last is today's fact (the read model answers it for current knowledge only).
    clock.knownOn === null
      ? lastReporters(
          db,
          detailRows.filter((i) => i.source !== 'derived').map((i) => i.id),
          clock,
          statuses,
          filters,
        )
      : new Map<number, string | null>(),
    // The read model draws sparklines from current knowledge only; as known on a past day they stay gaps.
    clock.knownOn === null
      ? sparklines(db, { plan, clock, periods: sparkPeriods, statuses, filters, indicators: detailRows })
      : new Map<number, (number | null)[]>(),
  ]);
  for (const s of shown) {
    s.lastReporter = reporters.get(s.id) ?? null;
    s.sparkline = sparks.get(s.id) ?? sparkPeriods.map(() => null);
  }
  return {
    plan,
    planAsOf,
    asOf,
    knownOn: clock.knownOn,
    from,
    includeSubmitted,
    filtered: { region: options.region ?? null, cluster: options.cluster ?? null, sdg: sdg ?? null },
    sdgChoices: sdgGoalsOf([...[...tags.goals.values()].flat(), ...[...tags.indicators.values()].flat()]),
    periods,
    sparkPeriods,
    goals: sdg ? [...goalsById.values()].filter((g) => g.indicatorCount > 0) : [...goalsById.values()],
    statusCounts,
  };
}
