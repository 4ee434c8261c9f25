import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { periodsBetween, type Period } from '@/lib/periods';
import { evaluateIndicator, type IndicatorEvaluation, type Status } from '@/lib/progress';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Db } from '../../client';
import { indicators, meetingItems, meetings, targetRevisions, users } from '../../schema';
import { planActualsAsOf, updatesCreatedBy } from '../charts/plan-actuals-as-of';
import { endOfDay } from '../charts/series-as-of';
import { derivedActualsToDate } from '../derived';
import { targetsInForce } from '../plan-admin/targets-in-force';
import { asOfDateFor, findPlan, planGoals, planIndicators, type PlanIndicator, type WorkPlan } from '../plans';
import { countedStatuses, statusList } from '../progress';
import { queryRows } from '../raw';

type IndicatorRow = PlanIndicator;

export interface ReportIndicator {
  id: number;
  code: string;
  name: string;
  nameZh: string | null;
  unit: string;
  valueKind: IndicatorRow['valueKind'];
  now: IndicatorEvaluation;
  then: IndicatorEvaluation;
  /** No update in the indicator's last completed period (manual indicators only). */
  overdue: boolean;
}

export interface CommitteeReport {
  plan: WorkPlan;
  since: string;
  asOf: string;
  goals: { id: number; code: string; title: string; titleZh: string | null; indicators: ReportIndicator[] }[];
  statusCounts: Record<Status, number>;
  newUpdates: number;
  changedUpdates: number;
  revisions: { code: string; oldValue: number; newValue: number; effectiveOn: string; reason: string }[];
  registries: Record<'cities' | 'partners' | 'clusters' | 'support_requests' | 'activities', number>;
  lastMeeting: { id: number; heldOn: string; title: string } | null;
  openItems: { id: number; kind: string; text: string; ownerName: string | null; dueOn: string | null; status: string }[];
}

/** The last steering committee meeting held on or before a date. */
export async function lastSteeringMeeting(db: Db, onOrBefore: string) {
  const [row] = await db
    .select({ id: meetings.id, heldOn: meetings.heldOn, title: meetings.title })
    .from(meetings)
    .where(and(eq(meetings.kind, 'steering_committee'), lte(meetings.heldOn, onOrBefore)))
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .limit(1);
  return row ?? null;
}

async function evaluateAt(db: Db, plan: WorkPlan, rows: IndicatorRow[], date: string, includeSubmitted: boolean) {
  const [targets, manual, derived] = await Promise.all([
    targetsInForce(db, plan.id, date),
    planActualsAsOf(db, plan.id, date, countedStatuses(includeSubmitted)),
    derivedActualsToDate(db, plan, date, rows.filter((r) => r.source === 'derived')),
  ]);
  return new Map(
    rows.map((i) => {
      const line = targets.get(i.id);
      const rule = { ...i, targetValue: line?.finalTarget ?? i.targetValue };
      const actual = readingFromAggregate(i.valueKind, i.source === 'derived' ? derived.get(i.id) : manual.get(i.id));
      return [i.id, evaluateIndicator({ rule, milestones: line?.milestones ?? [], actual, asOf: date })] as const;
    }),
  );
}

/** Manual indicators with no counted update whose period ends in their last period completed by asOf. */
async function overdueIndicators(db: Db, plan: WorkPlan, rows: IndicatorRow[], asOf: string, includeSubmitted: boolean) {
  // The last completed period depends only on the frequency: computed once per frequency, not per indicator.
  const lastDone = new Map<IndicatorRow['frequency'], Period | undefined>();
  const ids: number[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  for (const i of rows) {
    if (i.source !== 'manual') continue;
    if (!lastDone.has(i.frequency)) {
      const done = periodsBetween(i.frequency, plan.startDate, plan.endDate).filter((p) => p.end < asOf);
      lastDone.set(i.frequency, done[done.length - 1]);
    }
    const last = lastDone.get(i.frequency);
    if (!last) continue;
    ids.push(i.id);
    starts.push(last.start);
    ends.push(last.end);
  }
  if (ids.length === 0) return new Set<number>();
  // Three array literals (integers and ISO dates only) instead of three parameters per indicator (3,000 at
  // 1,000 indicators; drizzle expands a JS array into one parameter per element).
  const literal = (values: (number | string)[]) => `{${values.join(',')}}`;
  const reported = await queryRows<{ id: number }>(
    db,
    sql`select d.id from unnest(${literal(ids)}::int[], ${literal(starts)}::date[], ${literal(ends)}::date[]) as d(id, period_start, period_end)
      where exists (
        select 1 from progress_updates u
        where u.indicator_id = d.id and u.status in (${statusList(countedStatuses(includeSubmitted))})
          and u.period_end between d.period_start and d.period_end and u.created_at < ${endOfDay(asOf)}
      )`,
  );
  const ok = new Set(reported.map((r) => Number(r.id)));
  return new Set(ids.filter((id) => !ok.has(id)));
}

/**
 * The committee report: the plan's standing as of a date, and what changed since another (by default the last
 * steering committee meeting). Every figure comes from lib/progress over SQL aggregates of the data as it stood.
 */
export async function committeeReport(
  db: Db,
  options: { year?: number; since?: string; asOf?: string; includeSubmitted?: boolean } = {},
): Promise<CommitteeReport | undefined> {
  const plan = await findPlan(db, options.year);
  if (!plan) return undefined;
  const includeSubmitted = options.includeSubmitted ?? false;
  const asOf = options.asOf ?? (await asOfDateFor(db, plan));
  const lastMeeting = await lastSteeringMeeting(db, asOf);
  const since = options.since ?? lastMeeting?.heldOn ?? plan.startDate;
  const [goalRows, indicatorRows] = await Promise.all([planGoals(db, plan.id), planIndicators(db, plan.id)]);
  const rows = indicatorRows.map((r) => r.indicator);
  const window = sql`between ${endOfDay(since)} and ${endOfDay(asOf)}`;

  const [now, then, overdue, counts, revisions, openItems] = await Promise.all([
    evaluateAt(db, plan, rows, asOf, includeSubmitted),
    evaluateAt(db, plan, rows, since, includeSubmitted),
    overdueIndicators(db, plan, rows, asOf, includeSubmitted),
    queryRows<Record<string, number>>(
      db,
      sql`select
        (select count(distinct v.update_id)::int from progress_update_versions v
          join indicators i on i.id = v.indicator_id
          where i.plan_id = ${plan.id} and v.created_at ${window} and v.update_created_at < ${endOfDay(since)}) as "changedUpdates",
        (select count(*)::int from cities where created_at ${window}) as cities,
        (select count(*)::int from partners where created_at ${window}) as partners,
        (select count(*)::int from clusters where created_at ${window}) as clusters,
        (select count(*)::int from support_requests where created_at ${window}) as support_requests,
        (select count(*)::int from activities where created_at ${window}) as activities`,
    ),
    db
      .select({
        code: indicators.code,
        oldValue: targetRevisions.oldValue,
        newValue: targetRevisions.newValue,
        effectiveOn: targetRevisions.effectiveOn,
        reason: targetRevisions.reason,
      })
      .from(targetRevisions)
      .innerJoin(indicators, eq(indicators.id, targetRevisions.indicatorId))
      .where(and(eq(indicators.planId, plan.id), sql`${targetRevisions.createdAt} ${window}`))
      .orderBy(asc(targetRevisions.effectiveOn), asc(targetRevisions.id)),
    lastMeeting
      ? db
          .select({
            id: meetingItems.id,
            kind: meetingItems.kind,
            text: meetingItems.text,
            // An item owned by a user shows the user's name; a typed-in owner shows as typed.
            ownerName: sql<string | null>`coalesce(${users.name}, ${meetingItems.ownerName})`,
            dueOn: meetingItems.dueOn,
            status: meetingItems.status,
          })
          .from(meetingItems)
          .leftJoin(users, eq(users.id, meetingItems.ownerId))
          .where(and(eq(meetingItems.meetingId, lastMeeting.id), inArray(meetingItems.status, ['open', 'in_progress'])))
          .orderBy(asc(meetingItems.dueOn), asc(meetingItems.id))
      : Promise.resolve([]),
  ]);

  // Updates created in the window, as two counts "by the end of": each cheap from the roll-ups or the snapshot
  // evaluateAt just kept (instead of counting the window's rows: ~500,000 at 5,000,000 updates).
  const [createdByAsOf, createdBySince] = await Promise.all([updatesCreatedBy(db, plan.id, asOf), updatesCreatedBy(db, plan.id, since)]);
  const statusCounts: Record<Status, number> = { ahead: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  const goals = goalRows.map((g) => ({ id: g.id, code: g.code, title: g.title, titleZh: g.titleZh, indicators: [] as ReportIndicator[] }));
  const byGoal = new Map(goals.map((g) => [g.id, g]));
  for (const i of rows) {
    const evaluation = now.get(i.id)!;
    statusCounts[evaluation.status] += 1;
    byGoal.get(i.goalId)?.indicators.push({
      id: i.id,
      code: i.code,
      name: i.name,
      nameZh: i.nameZh,
      unit: i.unit,
      valueKind: i.valueKind,
      now: evaluation,
      then: then.get(i.id)!,
      overdue: overdue.has(i.id),
    });
  }
  const c = counts[0] ?? {};
  return {
    plan,
    since,
    asOf,
    goals,
    statusCounts,
    newUpdates: Math.max(0, createdByAsOf - createdBySince),
    changedUpdates: c.changedUpdates ?? 0,
    revisions,
    registries: {
      cities: c.cities ?? 0,
      partners: c.partners ?? 0,
      clusters: c.clusters ?? 0,
      support_requests: c.support_requests ?? 0,
      activities: c.activities ?? 0,
    },
    lastMeeting,
    openItems,
  };
}
