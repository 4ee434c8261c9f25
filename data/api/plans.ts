import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { findPlan, indicatorHeading, listPlans, planIndicators, type PlanIndicator, type WorkPlan } from '@/db/queries/plans';
import { indicators } from '@/db/schema';
import { tagsOf } from '@/db/queries/plan-admin/sdg-tags';
import type { IndicatorChart } from '@/db/queries/charts/indicator-chart';
import type { OverviewIndicator } from '@/db/queries/overview';
import { ApiProblem } from '@/lib/api/problems';
import { pageByOffset } from '@/lib/api/cursor';
import type { IndicatorEvaluation } from '@/lib/progress';
import { type goalsQuery, type indicatorQuery, type standingsQuery } from '@/lib/validation/api';
import type { z } from 'zod';
import { offsetOf } from './paging';
import { indicatorProgress, planStandings } from './progress';

/**
 * The API's plans, goals and indicators. Definitions come from the plan tables; every progress number (value,
 * target to date, achievement, status, series, breakdown) comes from ./progress, the API's one door to them.
 * Values carry their unit: `{ value, unit }`, numbers only; dates are ISO 8601.
 */

const quantity = (value: number | null, unit: string) => ({ value, unit });

export async function apiPlans() {
  const db = await getDb();
  return { items: await listPlans(db) };
}

export async function planByYear(year: number): Promise<WorkPlan> {
  const plan = await findPlan(await getDb(), year);
  if (!plan || plan.year !== year) throw new ApiProblem('not_found');
  return plan;
}

export async function apiPlan(year: number) {
  const plan = await planByYear(year);
  const standings = await planStandings(await getDb(), { year });
  return {
    ...planOut(plan),
    asOf: standings?.planAsOf ?? null,
    statusCounts: standings?.statusCounts ?? null,
  };
}

function planOut(plan: WorkPlan) {
  return { id: plan.id, year: plan.year, title: plan.title, status: plan.status, startDate: plan.startDate, endDate: plan.endDate, endorsedOn: plan.endorsedOn };
}

export async function apiGoals(year: number, query: z.infer<typeof goalsQuery>) {
  await planByYear(year);
  const standings = await planStandings(await getDb(), { year, ...standingsFilters(query) });
  if (!standings) throw new ApiProblem('not_found');
  return {
    asOf: standings.asOf,
    knownOn: standings.knownOn,
    items: standings.goals.map((g) => ({
      id: g.id,
      code: g.code,
      title: g.title,
      titleZh: g.titleZh,
      indicatorCount: g.indicatorCount,
      statusCounts: g.statusCounts,
      lowestAchievement: g.lowestAchievement,
      sdgTags: g.sdgTags,
    })),
  };
}

function standingsFilters(q: z.infer<typeof goalsQuery>) {
  return { asOf: q.asOf, knownOn: q.knownOn, from: q.from, region: q.region, cluster: q.cluster, sdg: q.sdg, includeSubmitted: q.submitted };
}

function evaluationOut(e: IndicatorEvaluation, unit: string) {
  return {
    value: quantity(e.actual.value, unit),
    numerator: e.actual.numerator,
    denominator: e.actual.denominator,
    targetToDate: quantity(e.targetToDate, unit),
    finalTarget: quantity(e.finalTarget, unit),
    /** A ratio: 1 is exactly on target to date. */
    achievement: e.achievement,
    status: e.status,
  };
}

export async function apiIndicators(year: number, query: z.infer<typeof standingsQuery>) {
  const plan = await planByYear(year);
  const db = await getDb();
  const [standings, definitions] = await Promise.all([planStandings(db, { year, ...standingsFilters(query) }), planIndicators(db, plan.id)]);
  if (!standings) throw new ApiProblem('not_found');
  const byId = new Map(definitions.map((d) => [d.indicator.id, d.indicator]));
  const rows: { goal: string; indicator: OverviewIndicator }[] = standings.goals
    .filter((g) => !query.goal || g.code === query.goal)
    .flatMap((g) => g.indicators.map((indicator) => ({ goal: g.code, indicator })));
  const page = pageByOffset(rows, offsetOf(query.cursor), query.limit);
  return {
    asOf: standings.asOf,
    knownOn: standings.knownOn,
    from: standings.from,
    items: page.items.map(({ goal, indicator: i }) => ({
      ...definitionOut(byId.get(i.id)!),
      goal,
      sdgTags: i.sdgTags,
      owner: i.ownerName,
      lastUpdatedAt: i.lastUpdatedAt,
      ...evaluationOut(i.evaluation, i.unit),
    })),
    next: page.next,
  };
}

/** What an indicator is: the same fields in the list and on its own. */
function definitionOut(i: PlanIndicator) {
  return {
    ...indicatorHeading(i),
    disaggregations: i.disaggregations,
    baseline: { ...quantity(i.baselineValue, i.unit), date: i.baselineDate },
    target: { ...quantity(i.targetValue, i.unit), date: i.targetDate },
  };
}

async function indicatorOf(plan: WorkPlan, code: string) {
  const [row] = await (await getDb())
    .select()
    .from(indicators)
    .where(and(eq(indicators.planId, plan.id), eq(indicators.code, code), isNull(indicators.retiredAt)));
  if (!row) throw new ApiProblem('not_found');
  return row;
}

async function chartOf(year: number, code: string, query: z.infer<typeof indicatorQuery>): Promise<IndicatorChart> {
  const plan = await planByYear(year);
  const row = await indicatorOf(plan, code);
  const chart = await indicatorProgress(await getDb(), plan, row.id, { asOf: query.asOf, knownOn: query.knownOn, includeSubmitted: query.submitted });
  if (!chart) throw new ApiProblem('not_found');
  return chart;
}

export async function apiIndicator(year: number, code: string, query: z.infer<typeof indicatorQuery>) {
  const plan = await planByYear(year);
  const i = await indicatorOf(plan, code);
  const [chart, tags] = await Promise.all([chartOf(year, code, query), tagsOf(await getDb(), 'indicator', [i.id])]);
  return {
    ...definitionOut(i),
    definition: i.definition,
    sdgTags: tags.get(i.id) ?? [],
    periodTargets: chart.points.map((p) => ({ period: p.key, start: p.period.start, end: p.period.end, target: quantity(p.target, i.unit) })),
    asOf: chart.asOf,
    knownOn: chart.knownOn,
    ...evaluationOut(chart.evaluation, i.unit),
    targetRevised: chart.targetRevised,
  };
}

/** What the series and the breakdown answers open with: the indicator and the dates its figures are as of. */
const chartHead = (chart: IndicatorChart) => ({ indicator: chart.indicator.code, asOf: chart.asOf, knownOn: chart.knownOn });

export async function apiIndicatorSeries(year: number, code: string, query: z.infer<typeof indicatorQuery>) {
  const chart = await chartOf(year, code, query);
  const unit = chart.indicator.unit;
  return {
    ...chartHead(chart),
    unit,
    baseline: quantity(chart.baseline, unit),
    items: chart.points.map((p) => ({
      period: p.key,
      start: p.period.start,
      end: p.period.end,
      actual: quantity(p.actual, unit),
      numerator: p.numerator,
      denominator: p.denominator,
      reported: p.reported,
      target: quantity(p.target, unit),
      originalTarget: p.originalTarget === null ? null : quantity(p.originalTarget, unit),
    })),
    projectedEnd: chart.projectedEnd === null ? null : quantity(chart.projectedEnd, unit),
    pacePerPeriod: chart.pacePerPeriod === null ? null : quantity(chart.pacePerPeriod, unit),
    remainingPeriods: chart.remainingPeriods,
  };
}

export async function apiIndicatorBreakdown(year: number, code: string, query: z.infer<typeof indicatorQuery>) {
  const chart = await chartOf(year, code, query);
  const unit = chart.indicator.unit;
  return {
    ...chartHead(chart),
    dimension: chart.breakdown?.dimension ?? null,
    items: (chart.breakdown?.bars ?? []).map((b) => ({ memberId: b.memberId, name: b.name, nameZh: b.nameZh, others: b.others, value: quantity(b.value, unit) })),
  };
}
