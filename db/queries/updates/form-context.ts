import { asc, eq, isNull, sql } from 'drizzle-orm';
import { addDays, periodContaining } from '@/lib/periods';
import { targetToDate } from '@/lib/progress';
import type { IndicatorRule, Milestone } from '@/lib/progress/types';
import type { Db } from '../../client';
import { cities, clusters, indicatorTargets, partners } from '../../schema';
import { queryRows } from '../raw';
import { findLock, indicatorPeriods, lockProblem, type Indicator, type Plan } from './placement';
import type { Problem } from './types';
import { ruleOf as readModelRuleOf } from '../../read-model/standing';
import { loadWindowRules, windowState, type WindowState } from '../cycle/windows';

/**
 * What the log-progress form shows beside its fields: the periods of the indicator (the
 * current one by the as-of date preselected), the registries it may be disaggregated by, and for each period
 * the target and whether it is locked. The previous value depends on the chosen place: see `previousValue`.
 */

export interface Option {
  id: number;
  name: string;
  /** The Chinese name, where the registry has one. */
  nameZh: string | null;
}

export interface PeriodOption {
  key: string;
  start: string;
  end: string;
  /** What the period should add (non-cumulative) or the level expected at its end (others). */
  target: number;
  lock: Problem | null;
  /** Its submission window (opening, due and closing dates) and where today falls in it. */
  window: Pick<WindowState, 'phase' | 'enforced'> & { opensOn: string; dueOn: string; closesOn: string };
}

export interface FormContext {
  periods: PeriodOption[];
  currentPeriodKey: string | undefined;
  cities: Option[] | null;
  clusters: Option[] | null;
  partners: Option[] | null;
}

/** The indicator's rule with its current final target (the read model's ruleOf). */
export function ruleOf(i: Indicator): IndicatorRule {
  return readModelRuleOf(i, i.targetValue);
}

export async function indicatorMilestones(db: Db, indicatorId: number): Promise<Milestone[]> {
  return db
    .select({ periodStart: indicatorTargets.periodStart, periodEnd: indicatorTargets.periodEnd, target: indicatorTargets.targetValue })
    .from(indicatorTargets)
    .where(eq(indicatorTargets.indicatorId, indicatorId))
    .orderBy(asc(indicatorTargets.periodEnd));
}

/** A period's target through lib/progress: for non-cumulative indicators, the part of the target it adds. */
export function periodTarget(indicator: Indicator, milestones: Milestone[], period: { start: string; end: string }): number {
  const rule = ruleOf(indicator);
  const atEnd = targetToDate(rule, milestones, period.end);
  if (indicator.accumulation !== 'non_cumulative') return atEnd;
  return atEnd - targetToDate(rule, milestones, addDays(period.start, -1));
}

async function registry(db: Db, table: typeof cities | typeof clusters | typeof partners): Promise<Option[]> {
  return db.select({ id: table.id, name: table.name, nameZh: table.nameZh }).from(table).where(isNull(table.archivedAt)).orderBy(asc(table.name));
}

export async function formContext(db: Db, plan: Plan, indicator: Indicator, asOf: string): Promise<FormContext> {
  const [milestones, rules] = await Promise.all([indicatorMilestones(db, indicator.id), loadWindowRules(db, plan.id)]);
  const periods = await Promise.all(
    indicatorPeriods(indicator, plan).map(async (p) => {
      const lock = await findLock(db, plan.id, indicator.id, p.end);
      const { window: w, phase, enforced } = windowState(rules, indicator, p);
      const window = { opensOn: w.opensOn, dueOn: w.dueOn, closesOn: w.closesOn, phase, enforced };
      return { ...p, target: periodTarget(indicator, milestones, p), lock: lock ? lockProblem(lock) : null, window };
    }),
  );
  const current = periodContaining(indicator.frequency, asOf, plan.startDate, plan.endDate);
  const allows = (kind: 'city' | 'cluster' | 'partner') => indicator.disaggregations.includes(kind);
  const [cityList, clusterList, partnerList] = await Promise.all([
    allows('city') ? registry(db, cities) : null,
    allows('cluster') ? registry(db, clusters) : null,
    allows('partner') ? registry(db, partners) : null,
  ]);
  return {
    periods,
    currentPeriodKey: periods.find((p) => p.end === current?.end)?.key,
    cities: cityList,
    clusters: clusterList,
    partners: partnerList,
  };
}

/** A series' value in a period: the key is "cityId|clusterId|partnerId" (0 for none). */
export interface SeriesPoint {
  series: string;
  periodEnd: string;
  figure: number | null;
}

export const seriesKeyOf = (place: { cityId?: number | null; clusterId?: number | null; partnerId?: number | null }) =>
  `${place.cityId ?? 0}|${place.clusterId ?? 0}|${place.partnerId ?? 0}`;

/**
 * The latest value of every series in every period (withdrawn updates excluded), so the form can show the
 * previous value for whichever place and period the reporter picks without another request.
 */
export async function seriesPoints(db: Db, indicatorId: number): Promise<SeriesPoint[]> {
  return queryRows<SeriesPoint>(
    db,
    sql`select distinct on (u.city_id, u.cluster_id, u.partner_id, u.period_end)
        concat_ws('|', coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0)) as series,
        u.period_end::text as "periodEnd",
        coalesce(u.value, case when u.denominator > 0 then 100 * u.numerator / u.denominator end)::float8 as figure
      from progress_updates u
      where u.indicator_id = ${indicatorId} and u.status <> 'withdrawn'
      order by u.city_id, u.cluster_id, u.partner_id, u.period_end, u.id desc`,
  );
}
