import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { meetingParticipants, meetings, users, workPlans } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import { queryRows } from '../raw';

/**
 * Steering Committee and working-level meetings: the register, one meeting, and its writes. Each
 * write and its audit row share one transaction. A meeting belongs to the work plan whose year contains its date
 * (the endorsed one first), so that its items link to that plan's goals and indicators.
 */

export type MeetingKind = (typeof meetings.$inferSelect)['kind'];
export type Meeting = typeof meetings.$inferSelect;

export interface MeetingInput {
  kind: MeetingKind;
  heldOn: string;
  title: string;
  participants: string | null;
  agenda: string | null;
  minutes: string | null;
  /** Participants who are users of the app (active accounts), beside the free text. */
  participantIds: string[];
}

export type MeetingWriteResult =
  | { ok: true; id: number; changed?: boolean }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'field'; field: string; messageKey: string };

export interface MeetingListRow {
  id: number;
  kind: MeetingKind;
  heldOn: string;
  title: string;
  items: number;
  open: number;
  overdue: number;
}

/**
 * Every meeting, newest first, with its item counts (open = open or in progress; overdue = open past its due
 * date as of `asOf`), counted in SQL over meeting_items_meeting_idx.
 */
export async function listMeetings(db: Db, options: { asOf: string; kind?: MeetingKind; limit?: number }): Promise<MeetingListRow[]> {
  const kind = options.kind ? sql`and m.kind = ${options.kind}` : sql``;
  return queryRows<MeetingListRow>(
    db,
    sql`select m.id, m.kind::text as kind, m.held_on::text as "heldOn", m.title,
          count(i.id)::int as items,
          count(i.id) filter (where i.status in ('open', 'in_progress'))::int as open,
          count(i.id) filter (where i.status in ('open', 'in_progress') and i.due_on < ${options.asOf}::date)::int as overdue
        from meetings m left join meeting_items i on i.meeting_id = m.id
        where true ${kind}
        group by m.id
        order by m.held_on desc, m.id desc
        limit ${options.limit ?? 500}`,
  );
}

export async function findMeeting(db: DbOrTx, id: number): Promise<Meeting | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row;
}

/** The plan whose dates contain `date`: endorsed first, then the latest created. */
async function planFor(tx: DbOrTx, date: string): Promise<number | null> {
  const [row] = await tx
    .select({ id: workPlans.id })
    .from(workPlans)
    .where(and(sql`${workPlans.startDate} <= ${date}`, sql`${workPlans.endDate} >= ${date}`))
    .orderBy(desc(sql`${workPlans.status} = 'endorsed'`), desc(workPlans.id))
    .limit(1);
  return row?.id ?? null;
}

/** The users recorded as a meeting's participants, by name. */
export async function meetingParticipantsOf(db: DbOrTx, meetingId: number) {
  return db
    .select({ id: users.id, name: users.name })
    .from(meetingParticipants)
    .innerJoin(users, eq(users.id, meetingParticipants.userId))
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(users.name));
}

/** Who may be recorded as a participant: every active account. */
export async function participantOptions(db: Db) {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.status, 'active')).orderBy(asc(users.name));
}

async function unknownUsers(tx: DbOrTx, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const rows = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.status, 'active')));
  return rows.length !== ids.length;
}

async function writeParticipants(tx: DbOrTx, meetingId: number, ids: string[]) {
  await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  if (ids.length > 0) await tx.insert(meetingParticipants).values(ids.map((userId) => ({ meetingId, userId })));
}

const auditView = (m: Omit<MeetingInput, 'participantIds'> & { planId: number | null; participantIds: string[] }) => ({
  kind: m.kind,
  heldOn: m.heldOn,
  title: m.title,
  planId: m.planId,
  participants: m.participants,
  agenda: m.agenda,
  minutes: m.minutes,
  participantIds: [...new Set(m.participantIds)].sort(),
});

export async function createMeeting(db: Db, input: MeetingInput, actorId: string | null): Promise<MeetingWriteResult> {
  return db.transaction(async (tx): Promise<MeetingWriteResult> => {
    const participantIds = [...new Set(input.participantIds)];
    if (await unknownUsers(tx, participantIds)) return { ok: false, error: 'field', field: 'participantIds', messageKey: 'meetings.validation.unknownParticipant' };
    const planId = await planFor(tx, input.heldOn);
    const { participantIds: _ids, ...fields } = input;
    const [row] = await tx.insert(meetings).values({ ...fields, planId }).returning();
    await writeParticipants(tx, row!.id, participantIds);
    await writeAudit(tx, { actorId, action: 'meeting.create', entityType: 'meeting', entityId: row!.id, after: auditView({ ...input, planId }) });
    return { ok: true, id: row!.id };
  });
}

export async function updateMeeting(db: Db, id: number, input: MeetingInput, actorId: string | null): Promise<MeetingWriteResult> {
  return db.transaction(async (tx): Promise<MeetingWriteResult> => {
    const current = await findMeeting(tx, id);
    if (!current) return { ok: false, error: 'not_found' };
    // Items are dated from the meeting: it cannot move after their first recorded status.
    const [first] = await queryRows<{ first: string | null }>(
      tx as Db,
      sql`select min(h.changed_on)::text as first from meeting_item_status_history h join meeting_items i on i.id = h.item_id where i.meeting_id = ${id}`,
    );
    if (first?.first && input.heldOn > first.first) return { ok: false, error: 'field', field: 'heldOn', messageKey: 'meetings.validation.afterItemHistory' };
    const participantIds = [...new Set(input.participantIds)];
    if (await unknownUsers(tx, participantIds)) return { ok: false, error: 'field', field: 'participantIds', messageKey: 'meetings.validation.unknownParticipant' };
    const planId = await planFor(tx, input.heldOn);
    const before = auditView({ ...current, participantIds: (await meetingParticipantsOf(tx, id)).map((p) => p.id) });
    const after = auditView({ ...input, planId });
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, id, changed: false };
    const { participantIds: _ids, ...fields } = input;
    await tx.update(meetings).set({ ...fields, planId }).where(eq(meetings.id, id));
    await writeParticipants(tx, id, participantIds);
    await writeAudit(tx, { actorId, action: 'meeting.update', entityType: 'meeting', entityId: id, before, after });
    return { ok: true, id, changed: true };
  });
}
