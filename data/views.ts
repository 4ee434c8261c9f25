import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db';
import { indicatorChart, indicatorChartByCode, type IndicatorChartOptions } from '@/db/queries/charts/indicator-chart';
import { approvedNarrativeFor } from '@/db/queries/narratives/read';
import { getOverview, resolveRange, type OverviewQuery } from '@/db/queries/overview';
import { budgetPage } from '@/db/queries/budget/page';
import { budgetSummary } from '@/db/queries/budget/summary';
import { planDetail } from '@/db/queries/plan-admin/read';
import { asOfDateFor, findPlan, listPlans } from '@/db/queries/plans';
import { goalIndicatorCodes } from '@/db/queries/charts/goal-charts';
import { committeeReport } from '@/db/queries/report/committee';
import { reportEvidence } from '@/db/queries/report/evidence';
import { indicatorPage } from '@/db/queries/updates/indicator-page';
import { commentThreads, type CommentSubject } from '@/db/queries/comments';
import { listReopenings, planFrequencies, planWindows } from '@/db/queries/cycle/window-admin';
import { itemsConcerning } from '@/db/queries/meetings/items';
import { getStoredAsOfDate, isDemoDatabase } from '@/db/queries/settings';
import { asOfForMeeting } from '@/data/meetings-as-of';
import type { Frequency } from '@/lib/periods';
import { clusterOptions, ReadModelInputError, registryTiles } from '@/db/read-model';
import { viewTags } from '@/data/invalidate';
import { isSealed } from '@/data/view-seal';
import { isLocale, type Locale } from '@/lib/i18n/config';

/**
 * What the read model computes for a view, computed once per data version and shared by every request (and, with
 * REDIS_URL, every instance) that shows the same view: Next's `'use cache'`, keyed by the arguments — plan, filters,
 * dates, and the day the view is computed on (the as-of date defaults to today) — and never by the user. Nothing
 * here may read the request (cookies, headers, the session): the callers in data/ authorize first, on every
 * request, and only then ask for a view. Each view is tagged with the kinds of data it is made of, and
 * data/invalidate.ts expires those tags in the action that commits a write.
 *
 * The life below is a safety net for writes made outside the app's actions and route handlers (a script, the
 * database by hand): tags, not time, are what keep views fresh.
 */
const life = { stale: 60, revalidate: 900, expire: 3600 } as const;

/**
 * Today's date (UTC), the part of a view's key that moves its default as-of date: the views that default to today
 * take it as an argument (`day`), unused in their bodies but for the seal, so that a new day is a new entry. The
 * last argument of every view is the seal of the others (data/view-seal.ts): unsealed arguments get no answer.
 */
export function viewDay(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Whether a cached rendering (app/) got a view's four arguments and a language it can render in. Like the views,
 * a rendering is a Server Function anyone can call: anything else renders nothing, and the view's own seal
 * decides whether the arguments came from data/.
 */
export function isRenderKey(view: unknown, locale: unknown): locale is Locale {
  return Array.isArray(view) && view.length === 4 && typeof view[3] === 'string' && isLocale(locale);
}

/** A read-model input error crosses the cache as data (a thrown error is not kept), and is thrown again outside. */
type Carried<T> = { ok: true; value: T } | { ok: false; field: ReadModelInputError['field']; reason: ReadModelInputError['reason'] };

async function carry<T>(compute: () => Promise<T>): Promise<Carried<T>> {
  try {
    return { ok: true, value: await compute() };
  } catch (error) {
    if (error instanceof ReadModelInputError) return { ok: false, field: error.field, reason: error.reason };
    throw error;
  }
}

export function unwrap<T>(carried: Carried<T>): T {
  if (carried.ok) return carried.value;
  throw new ReadModelInputError(carried.field, carried.reason);
}

export async function overviewView(query: OverviewQuery, day: string, seal: string) {
  'use cache';
  if (!isSealed([query, day], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.progress, viewTags.registry, viewTags.budget, viewTags.settings);
  const db = await getDb();
  const [overview, plans, clusters] = await Promise.all([getOverview(db, query), listPlans(db), clusterOptions(db)]);
  return { overview, plans, clusters };
}

export async function overviewTilesView(query: OverviewQuery, day: string, seal: string) {
  'use cache';
  if (!isSealed([query, day], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.registry, viewTags.settings);
  const db = await getDb();
  const plan = await findPlan(db, query.year);
  if (!plan) return undefined;
  const { asOf, from } = resolveRange(plan, await asOfDateFor(db, plan), query.from, query.to);
  const tiles = await registryTiles(db, { from: from ?? plan.startDate, asOf }, { region: query.region, cluster: query.cluster });
  return { asOf, from: from ?? plan.startDate, tiles };
}

export type IndicatorChartViewArgs = [code: string, options: IndicatorChartOptions & { year?: number }, day: string, seal: string];

/**
 * The life and tags of anything cached from one indicator's chart: the view below, and its rendering
 * (app/(dashboard)/indicators/chart-panel.tsx), which must expire with it.
 */
export function cacheAsIndicatorChart(code: string, derived: boolean): void {
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.progressOf(code), viewTags.charts, viewTags.settings);
  // A derived indicator is counted from the registries or the budget: their writes make its chart stale too.
  if (derived) cacheTag(viewTags.registry, viewTags.budget);
}

export async function indicatorChartView(...[code, options, day, seal]: IndicatorChartViewArgs) {
  'use cache';
  if (!isSealed([code, options, day], seal)) return { ok: true as const, value: undefined };
  const carried = await carry(async () => indicatorChartByCode(await getDb(), code, options));
  cacheAsIndicatorChart(code, carried.ok && carried.value?.indicator.source === 'derived');
  return carried;
}

export type CommitteeReportViewArgs = [params: { year?: number; since?: string; asOf?: string; knownOn?: string }, keyCharts: number, day: string, seal: string];

/**
 * The life and tags of anything cached from the committee report: the view below, and its renderings
 * (app/(dashboard)/reports/committee/report-body.tsx), which must expire with it.
 */
export function cacheAsCommitteeReport(): void {
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.progress, viewTags.registry, viewTags.budget, viewTags.meeting, viewTags.narrative, viewTags.settings);
}

export async function committeeReportView(...[params, keyCharts, day, seal]: CommitteeReportViewArgs) {
  'use cache';
  if (!isSealed([params, keyCharts, day], seal)) return { ok: true as const, value: undefined };
  cacheAsCommitteeReport();
  return carry(async () => {
    const db = await getDb();
    const report = await committeeReport(db, params);
    if (!report) return undefined;
    const behind = report.goals
      .flatMap((g) => g.indicators)
      .filter((i) => i.now.status === 'off_track' || i.now.status === 'at_risk')
      .sort((a, b) => (a.now.achievement ?? 0) - (b.now.achievement ?? 0))
      .slice(0, keyCharts);
    const [charts, narrative] = await Promise.all([
      Promise.all(behind.map((i) => indicatorChart(db, i.id, { asOf: report.asOf, knownOn: report.knownOn ?? undefined }))),
      // The narrative approved for the meeting this report's window leads up to (its window starts where ours does).
      approvedNarrativeFor(db, report.plan.id, report.since),
    ]);
    return { report, charts: charts.filter((c) => c !== undefined), narrative };
  });
}

/**
 * The budget's summary (utilisation at every level, and the goals' delivery from the overview's evaluation) for a
 * plan (null: the current one) as of a date (null: the plan's): the report's section, the overview's tile and
 * the budget page. The delivery reads every indicator's figures, registries' and budget's included.
 */
export async function budgetSummaryView(year: number | null, asOf: string | null, delivery: boolean, day: string, seal: string) {
  'use cache';
  if (!isSealed([year, asOf, delivery, day], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.progress, viewTags.registry, viewTags.budget, viewTags.settings);
  const db = await getDb();
  const plan = await findPlan(db, year ?? undefined);
  return plan ? budgetSummary(db, plan, asOf ?? undefined, { delivery }) : undefined;
}

/**
 * The budget page of a plan (null: the current one): the summary with the goals' delivery, the monthly series,
 * the revisions, the latest expenditures, the plans to choose from and the plan's goals.
 */
export async function budgetPageView(year: number | null, day: string, seal: string) {
  'use cache';
  if (!isSealed([year, day], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.progress, viewTags.registry, viewTags.budget, viewTags.settings);
  return budgetPage(await getDb(), year ?? undefined);
}

/** A plan's goals, indicators and targets as every role sees them; what only editors see is added outside. */
export async function planDetailView(year: number, seal: string) {
  'use cache';
  if (!isSealed([year], seal)) return undefined;
  cacheLife(life);
  // Indicators say whether they have updates, and who owns them; the plan names the meeting that endorsed it.
  cacheTag(viewTags.plan, viewTags.progress, viewTags.user, viewTags.meeting);
  return planDetail(await getDb(), year);
}

/**
 * An indicator's page (its details, targets, one page of updates with their history and evidence files, and its
 * locks) in a plan (null: the current one). Locks, reviews and evidence are progress changes; the owner's name is a
 * user's; the as-of date comes from the settings and the day.
 */
export async function indicatorPageView(code: string, year: number | null, updatesPage: number, day: string, seal: string) {
  'use cache';
  if (!isSealed([code, year, updatesPage, day], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.progress, viewTags.user, viewTags.settings);
  return indicatorPage(await getDb(), code, year ?? undefined, updatesPage);
}

/** A goal of a plan (null: the current one) and its indicators' codes in the plan's order: the goal page. */
export async function goalChartsView(code: string, year: number | null, seal: string) {
  'use cache';
  if (!isSealed([code, year], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.plan);
  return goalIndicatorCodes(await getDb(), code, year ?? undefined);
}

/**
 * The submission windows of a plan's frequencies (or of one indicator's) with each period's phase on the day, and
 * the reopened periods with who reopened them. What only admins get (the forms) is added outside.
 */
export async function windowsView(
  plan: { id: number; year: number; startDate: string; endDate: string },
  indicator: { id: number; frequency: Frequency } | null,
  day: string,
  seal: string,
) {
  'use cache';
  if (!isSealed([plan, indicator, day], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.window, viewTags.settings, viewTags.user);
  const db = await getDb();
  const frequencies = indicator ? [indicator.frequency] : await planFrequencies(db, plan.id);
  const [windows, reopenings] = await Promise.all([planWindows(db, plan, frequencies, indicator?.id), listReopenings(db, plan.id, indicator?.id)]);
  return { ...windows, reopenings };
}

/** The meeting items that concern a goal or an indicator, overdue ones (on the as-of date) first. */
export async function itemsConcerningView(target: { indicatorId: number } | { goalId: number }, day: string, seal: string) {
  'use cache';
  if (!isSealed([target, day], seal)) return undefined;
  cacheLife(life);
  // Items name their owner (a user) and are overdue by the plan's as-of date (a setting).
  cacheTag(viewTags.plan, viewTags.meeting, viewTags.user, viewTags.settings);
  const db = await getDb();
  const asOf = await asOfForMeeting(db, undefined);
  return { asOf, items: await itemsConcerning(db, target, asOf) };
}

/** The comment threads of an indicator or a meeting item, with their authors' names; who may edit which is added outside. */
export async function commentsView(subject: CommentSubject, seal: string) {
  'use cache';
  if (!isSealed([subject], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.comment, viewTags.user);
  return commentThreads(await getDb(), subject);
}

/** Whether this is the demo database, and its stored as-of date: the banner on every signed-in page. */
export async function demoSettingsView(seal: string) {
  'use cache';
  if (!isSealed([], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.settings);
  const db = await getDb();
  const [demo, asOf] = await Promise.all([isDemoDatabase(db), getStoredAsOfDate(db)]);
  return { demo, asOf: asOf ?? null };
}

/**
 * The evidence behind a report window's approved figures, every row: which of them a reader may see is decided
 * per request (data/report.ts). Rows name their indicator and place (registry records).
 */
export async function reportEvidenceView(planId: number, since: string, asOf: string, seal: string) {
  'use cache';
  if (!isSealed([planId, since, asOf], seal)) return undefined;
  cacheLife(life);
  cacheTag(viewTags.plan, viewTags.progress, viewTags.registry);
  return reportEvidence(await getDb(), planId, since, asOf);
}
