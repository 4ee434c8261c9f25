import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { meetingNarratives, meetingNarrativeVersions, meetings, users } from '../../schema';
import type { DbOrTx } from '../audit';
import { itemStatusOn } from '../meetings/pack';
import { queryRows } from '../raw';

/** The reads of a meeting's narrative: its versions, the approved text, and the facts it draws on. */

export type NarrativeVersion = typeof meetingNarrativeVersions.$inferSelect & { createdByName: string | null };

export interface NarrativeRecord {
  id: number;
  meetingId: number;
  approvedVersionId: number | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  /** Oldest first. */
  versions: NarrativeVersion[];
}

export async function findNarrative(db: DbOrTx, meetingId: number): Promise<NarrativeRecord | undefined> {
  const [row] = await db
    .select({
      id: meetingNarratives.id,
      meetingId: meetingNarratives.meetingId,
      approvedVersionId: meetingNarratives.approvedVersionId,
      approvedBy: meetingNarratives.approvedBy,
      approvedByName: users.name,
      approvedAt: meetingNarratives.approvedAt,
    })
    .from(meetingNarratives)
    .leftJoin(users, eq(users.id, meetingNarratives.approvedBy))
    .where(eq(meetingNarratives.meetingId, meetingId));
  if (!row) return undefined;
  const versions = await db
    .select({ version: meetingNarrativeVersions, createdByName: users.name })
    .from(meetingNarrativeVersions)
    .leftJoin(users, eq(users.id, meetingNarrativeVersions.createdBy))
    .where(eq(meetingNarrativeVersions.narrativeId, row.id))
    .orderBy(asc(meetingNarrativeVersions.id));
  return { ...row, versions: versions.map((v) => ({ ...v.version, createdByName: v.createdByName })) };
}

/** The Steering Committee meeting before this one: the narrative's window starts there. */
export async function previousSteeringMeeting(db: Db, meeting: { id: number; heldOn: string }) {
  const [row] = await db
    .select({ id: meetings.id, heldOn: meetings.heldOn, title: meetings.title })
    .from(meetings)
    .where(and(eq(meetings.kind, 'steering_committee'), lt(meetings.heldOn, meeting.heldOn)))
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .limit(1);
  return row ?? null;
}

export interface ApprovedNarrative {
  meetingId: number;
  meetingTitle: string;
  meetingHeldOn: string;
  since: string;
  asOf: string;
  bodyEn: string;
  bodyZh: string;
  approvedByName: string | null;
  approvedAt: string;
}

/**
 * The approved narrative of a plan's meeting whose window starts on `since` (the committee report's window):
 * the latest approved when more than one meeting was prepared from the same previous meeting.
 */
export async function approvedNarrativeFor(db: Db, planId: number, since: string): Promise<ApprovedNarrative | undefined> {
  const [row] = await queryRows<ApprovedNarrative>(
    db,
    sql`select m.id as "meetingId", m.title as "meetingTitle", m.held_on::text as "meetingHeldOn", v.since::text as since,
          v.as_of::text as "asOf", v.body_en as "bodyEn", v.body_zh as "bodyZh", u.name as "approvedByName",
          n.approved_at::text as "approvedAt"
        from meeting_narratives n
        join meeting_narrative_versions v on v.id = n.approved_version_id
        join meetings m on m.id = n.meeting_id
        left join users u on u.id = n.approved_by
        where m.plan_id = ${planId} and v.since = ${since}::date
        order by n.approved_at desc, n.id desc
        limit 1`,
  );
  return row;
}

export interface OpenGoalItem {
  goalId: number;
  kind: 'recommendation' | 'decision' | 'action_item';
  text: string;
  owner: string | null;
  dueOn: string | null;
  overdue: boolean;
}

/**
 * Items of meetings held on or before `asOf`, open or in progress on that date (their dated history), that concern
 * one of a plan's goals directly or through one of its indicators: one row per item and goal.
 */
export async function openItemsByGoal(db: Db, planId: number, asOf: string): Promise<OpenGoalItem[]> {
  return queryRows<OpenGoalItem>(
    db,
    sql`select distinct on (g.id, i.id) g.id as "goalId", i.kind::text as kind, i.text, coalesce(u.name, i.owner_name) as owner,
          i.due_on::text as "dueOn", coalesce(i.due_on < ${asOf}::date, false) as overdue
        from meeting_items i
        join meetings m on m.id = i.meeting_id
        join meeting_item_links l on l.item_id = i.id
        left join indicators ind on ind.id = l.indicator_id
        join goals g on g.id = coalesce(l.goal_id, ind.goal_id)
        left join users u on u.id = i.owner_id
        ${itemStatusOn(asOf)}
        where g.plan_id = ${planId} and m.held_on <= ${asOf}::date and coalesce(s.status, 'open') in ('open', 'in_progress')
        order by g.id, i.id`,
  );
}
