import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { IndicatorEvaluation, Status } from '@/lib/progress';
import type { Db } from '../../client';
import {
  checkKnownOn,
  checkWithinPlan,
  countedStatuses,
  currentKnowledge,
  knownOn as knownOnClock,
  overdueIndicators,
  planStanding,
  updatesChangedBetween,
  updatesCreatedBy,
  type ReadClock,
} from '../../read-model';
import { endOfDay } from '../../read-model/clock';
import { indicators, meetingItems, meetings, targetRevisions, users } from '../../schema';
import { asOfDateFor, findPlan, indicatorHeading, planGoals, planIndicators, type IndicatorHeading, type WorkPlan } from '../plans';
import { queryRows } from '../raw';


export interface ReportIndicator extends IndicatorHeading {
  now: IndicatorEvaluation;
  then: IndicatorEvaluation;
  /** No update in the indicator's last completed period (manual indicators only). */
  overdue: boolean;
}

export interface CommitteeReport {
  plan: WorkPlan;
  since: string;
  asOf: string;
  /** Knowledge time of the "now" column: null for current knowledge, else the past day it is as known on. */
  knownOn: string | null;
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

/**
 * The committee report: the plan's standing as of a date, and what changed since another (by default the last
 * steering committee meeting). "Now" reads current knowledge unless `knownOn` asks for what was known at the end
 * of a past day; "then" is the standing as it was known on the `since` day (what the committee saw at its
 * meeting). Every figure is the read model's (db/read-model). A date outside the plan is a ReadModelInputError.
 */
export async function committeeReport(
  db: Db,
  options: { year?: number; since?: string; asOf?: string; knownOn?: string; includeSubmitted?: boolean } = {},
): Promise<CommitteeReport | undefined> {
  const plan = await findPlan(db, options.year);
  if (!plan) return undefined;
  checkWithinPlan('asOf', options.asOf, plan);
  checkKnownOn(options.knownOn);
  const includeSubmitted = options.includeSubmitted ?? false;
  const statuses = countedStatuses(includeSubmitted);
  const asOf = options.asOf ?? (await asOfDateFor(db, plan));
  const nowClock: ReadClock = options.knownOn ? knownOnClock(asOf, options.knownOn) : currentKnowledge(asOf);
  const lastMeeting = await lastSteeringMeeting(db, asOf);
  const since = options.since ?? lastMeeting?.heldOn ?? plan.startDate;
  const [goalRows, indicatorRows] = await Promise.all([planGoals(db, plan.id), planIndicators(db, plan.id)]);
  const rows = indicatorRows.map((r) => r.indicator);
  const window = sql`between ${endOfDay(since)} and ${endOfDay(asOf)}`;

  const knownThen = nowClock.knownOn !== null && nowClock.knownOn < since ? nowClock.knownOn : since;
  const [now, then, overdue, changedUpdates, counts, revisions, openItems] = await Promise.all([
    planStanding(db, plan, rows, nowClock, { statuses }),
    planStanding(db, plan, rows, knownOnClock(since, knownThen), { statuses }),
    overdueIndicators(db, plan, rows, nowClock, statuses),
    updatesChangedBetween(db, plan.id, since, asOf),
    queryRows<Record<string, number>>(
      db,
      sql`select
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
    const evaluation = now.get(i.id)!.evaluation;
    statusCounts[evaluation.status] += 1;
    byGoal.get(i.goalId)?.indicators.push({
      ...indicatorHeading(i),
      now: evaluation,
      then: then.get(i.id)!.evaluation,
      overdue: overdue.has(i.id),
    });
  }
  const c = counts[0] ?? {};
  return {
    plan,
    since,
    asOf,
    knownOn: nowClock.knownOn,
    goals,
    statusCounts,
    newUpdates: Math.max(0, createdByAsOf - createdBySince),
    changedUpdates,
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
