import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { transitions } from '@/lib/validation/meetings';
import type { Db } from '../../client';
import { goals, indicators, meetingItemLinks, meetingItems, meetingItemStatusHistory, users } from '../../schema';
import { audit, writeAudit, type DbOrTx } from '../audit';
import { notifyItemAssigned } from '../notifications/events';
import { queryRows } from '../raw';
import { findMeeting, type MeetingWriteResult } from './meetings';

/**
 * A meeting's recommendations, decisions and action items: owner, due date, status with its dated history, and
 * links to the goals and indicators they concern. Status moves open → in progress → done | dropped (open may
 * go straight to done or dropped); done and dropped are final. Overdue: open or in progress, due before the
 * as-of date.
 */

export const itemStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export type ItemKind = (typeof meetingItems.$inferSelect)['kind'];

export { transitions };

export interface ItemInput {
  kind: ItemKind;
  text: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  goalIds: number[];
  indicatorIds: number[];
}

export interface ItemLink {
  itemId: number;
  goalId: number | null;
  indicatorId: number | null;
  code: string;
  name: string;
  nameZh: string | null;
}

export interface ItemRow {
  id: number;
  meetingId: number;
  kind: ItemKind;
  text: string;
  ownerId: string | null;
  owner: string | null;
  dueOn: string | null;
  status: ItemStatus;
  statusSince: string | null;
  overdue: boolean;
}

const fail = (field: string, key: string): MeetingWriteResult => ({ ok: false, error: 'field', field, messageKey: `meetings.validation.${key}` });

const itemColumns = (asOf: string) => sql`
  i.id, i.meeting_id as "meetingId", i.kind::text as kind, i.text, i.owner_id as "ownerId",
  coalesce(u.name, i.owner_name) as owner, i.due_on::text as "dueOn", i.status::text as status,
  (select max(h.changed_on)::text from meeting_item_status_history h where h.item_id = i.id) as "statusSince",
  coalesce(i.status in ('open', 'in_progress') and i.due_on < ${asOf}::date, false) as overdue`;

/** The items of one meeting, in the order they were recorded. */
export async function meetingItemsOf(db: Db, meetingId: number, asOf: string): Promise<ItemRow[]> {
  return queryRows<ItemRow>(
    db,
    sql`select ${itemColumns(asOf)} from meeting_items i left join users u on u.id = i.owner_id
        where i.meeting_id = ${meetingId} order by i.id`,
  );
}

export async function findItem(db: Db, id: number, asOf: string): Promise<ItemRow | undefined> {
  const [row] = await queryRows<ItemRow>(
    db,
    sql`select ${itemColumns(asOf)} from meeting_items i left join users u on u.id = i.owner_id where i.id = ${id}`,
  );
  return row;
}

/**
 * Items that concern an indicator or a goal (through meeting_item_links' indexes), with their meeting: overdue
 * first, then open ones by due date, then the rest, newest meeting first.
 */
export async function itemsConcerning(db: Db, target: { indicatorId: number } | { goalId: number }, asOf: string) {
  const where = 'indicatorId' in target ? sql`l.indicator_id = ${target.indicatorId}` : sql`l.goal_id = ${target.goalId}`;
  return queryRows<ItemRow & { meetingTitle: string; meetingHeldOn: string }>(
    db,
    sql`select ${itemColumns(asOf)}, m.title as "meetingTitle", m.held_on::text as "meetingHeldOn"
        from meeting_item_links l
        join meeting_items i on i.id = l.item_id
        join meetings m on m.id = i.meeting_id
        left join users u on u.id = i.owner_id
        where ${where}
        order by coalesce(i.status in ('open', 'in_progress') and i.due_on < ${asOf}::date, false) desc,
          (i.status in ('open', 'in_progress')) desc, i.due_on asc nulls last, m.held_on desc, i.id`,
  );
}

/** The links of some items, with the codes and names of what they point at. */
export async function itemLinks(db: Db, itemIds: number[]): Promise<ItemLink[]> {
  if (itemIds.length === 0) return [];
  return queryRows<ItemLink>(
    db,
    sql`select l.item_id as "itemId", l.goal_id as "goalId", l.indicator_id as "indicatorId",
          coalesce(g.code, ind.code) as code, coalesce(g.title, ind.name) as name, coalesce(g.title_zh, ind.name_zh) as "nameZh"
        from meeting_item_links l
        left join goals g on g.id = l.goal_id
        left join indicators ind on ind.id = l.indicator_id
        where l.item_id in (${sql.join(itemIds.map((id) => sql`${id}`), sql`, `)})
        order by l.goal_id is null, coalesce(g.code, ind.code)`,
  );
}

export interface HistoryEntry {
  id: number;
  status: ItemStatus;
  changedOn: string;
  changedBy: string | null;
}

/** An item's dated status history, oldest first. */
export async function itemHistory(db: Db, itemId: number): Promise<HistoryEntry[]> {
  return queryRows<HistoryEntry>(
    db,
    sql`select h.id, h.status::text as status, h.changed_on::text as "changedOn", u.name as "changedBy"
        from meeting_item_status_history h left join users u on u.id = h.changed_by
        where h.item_id = ${itemId} order by h.changed_on, h.id`,
  );
}

/** Who may own an item: active staff and admins. */
export async function ownerOptions(db: Db) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.status, 'active'), inArray(users.role, ['admin', 'staff'])))
    .orderBy(asc(users.name));
}

/** The goals and indicators an item of a meeting may link to: those of the meeting's plan, not retired. */
export async function linkOptions(db: Db, planId: number | null) {
  if (planId === null) return { goals: [], indicators: [] };
  const [g, i] = await Promise.all([
    db.select({ id: goals.id, code: goals.code, title: goals.title, titleZh: goals.titleZh }).from(goals)
      .where(and(eq(goals.planId, planId), isNull(goals.retiredAt))).orderBy(asc(goals.sortOrder), asc(goals.code)),
    db.select({ id: indicators.id, code: indicators.code, name: indicators.name, nameZh: indicators.nameZh }).from(indicators)
      .where(and(eq(indicators.planId, planId), isNull(indicators.retiredAt))).orderBy(asc(indicators.code)),
  ]);
  return { goals: g, indicators: i };
}

/** Refuses owners who cannot own items and links outside the meeting's plan; undefined when all is well. */
async function checkItem(tx: DbOrTx, planId: number | null, heldOn: string, input: ItemInput): Promise<MeetingWriteResult | undefined> {
  if (input.dueOn && input.dueOn < heldOn) return fail('dueOn', 'dueBeforeMeeting');
  if (input.ownerId) {
    const [owner] = await tx.select({ id: users.id }).from(users)
      .where(and(eq(users.id, input.ownerId), eq(users.status, 'active'), inArray(users.role, ['admin', 'staff'])));
    if (!owner) return fail('ownerId', 'unknownOwner');
  }
  const goalIds = [...new Set(input.goalIds)];
  const indicatorIds = [...new Set(input.indicatorIds)];
  if (goalIds.length > 0) {
    const rows = planId === null ? [] : await tx.select({ id: goals.id }).from(goals).where(and(inArray(goals.id, goalIds), eq(goals.planId, planId)));
    if (rows.length !== goalIds.length) return fail('goalIds', 'unknownLink');
  }
  if (indicatorIds.length > 0) {
    const rows = planId === null ? [] : await tx.select({ id: indicators.id }).from(indicators).where(and(inArray(indicators.id, indicatorIds), eq(indicators.planId, planId)));
    if (rows.length !== indicatorIds.length) return fail('indicatorIds', 'unknownLink');
  }
  return undefined;
}

async function writeLinks(tx: DbOrTx, itemId: number, input: ItemInput) {
  await tx.delete(meetingItemLinks).where(eq(meetingItemLinks.itemId, itemId));
  const rows = [
    ...[...new Set(input.goalIds)].map((goalId) => ({ itemId, goalId })),
    ...[...new Set(input.indicatorIds)].map((indicatorId) => ({ itemId, indicatorId })),
  ];
  if (rows.length > 0) await tx.insert(meetingItemLinks).values(rows);
}

const itemAudit = (input: ItemInput) => ({
  kind: input.kind,
  text: input.text,
  ownerId: input.ownerId,
  ownerName: input.ownerName,
  dueOn: input.dueOn,
  goalIds: [...new Set(input.goalIds)].sort((a, b) => a - b),
  indicatorIds: [...new Set(input.indicatorIds)].sort((a, b) => a - b),
});

/** Records an item at a meeting: open, dated the meeting's day. */
export async function createItem(db: Db, meetingId: number, input: ItemInput, actorId: string | null): Promise<MeetingWriteResult> {
  return db.transaction(async (tx): Promise<MeetingWriteResult> => {
    const meeting = await findMeeting(tx, meetingId);
    if (!meeting) return { ok: false, error: 'not_found' };
    const refused = await checkItem(tx, meeting.planId, meeting.heldOn, input);
    if (refused) return refused;
    const [row] = await tx
      .insert(meetingItems)
      .values({ meetingId, kind: input.kind, text: input.text, ownerId: input.ownerId, ownerName: input.ownerId ? null : input.ownerName, dueOn: input.dueOn, status: 'open' })
      .returning({ id: meetingItems.id });
    const itemId = row!.id;
    await tx.insert(meetingItemStatusHistory).values({ itemId, status: 'open', changedOn: meeting.heldOn, changedBy: actorId });
    await writeLinks(tx, itemId, input);
    await writeAudit(tx, { actorId, action: 'meeting_item.create', entityType: 'meeting_item', entityId: itemId, after: { meetingId, status: 'open', ...itemAudit(input) } });
    await notifyItemAssigned(tx, { id: itemId, kind: input.kind, text: input.text, ownerId: input.ownerId, dueOn: input.dueOn }, actorId);
    return { ok: true, id: itemId };
  });
}

async function currentLinks(tx: DbOrTx, itemId: number) {
  const rows = await tx.select().from(meetingItemLinks).where(eq(meetingItemLinks.itemId, itemId));
  return {
    goalIds: rows.flatMap((r) => (r.goalId === null ? [] : [r.goalId])),
    indicatorIds: rows.flatMap((r) => (r.indicatorId === null ? [] : [r.indicatorId])),
  };
}

/** Edits an item's text, owner, due date and links; its status changes only through setItemStatus. */
export async function updateItem(db: Db, itemId: number, input: ItemInput, actorId: string | null): Promise<MeetingWriteResult> {
  return db.transaction(async (tx): Promise<MeetingWriteResult> => {
    const [item] = await tx.select().from(meetingItems).where(eq(meetingItems.id, itemId));
    if (!item) return { ok: false, error: 'not_found' };
    const meeting = (await findMeeting(tx, item.meetingId))!;
    const refused = await checkItem(tx, meeting.planId, meeting.heldOn, input);
    if (refused) return refused;
    const before = itemAudit({ ...item, ...(await currentLinks(tx, itemId)) });
    const after = itemAudit({ ...input, ownerName: input.ownerId ? null : input.ownerName });
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, id: itemId, changed: false };
    await tx
      .update(meetingItems)
      .set({ kind: input.kind, text: input.text, ownerId: input.ownerId, ownerName: after.ownerName, dueOn: input.dueOn })
      .where(eq(meetingItems.id, itemId));
    await writeLinks(tx, itemId, input);
    await writeAudit(tx, { actorId, action: 'meeting_item.update', entityType: 'meeting_item', entityId: itemId, before, after });
    if (input.ownerId !== item.ownerId || item.kind !== input.kind) {
      await notifyItemAssigned(tx, { id: itemId, kind: input.kind, text: input.text, ownerId: input.ownerId, dueOn: input.dueOn }, actorId);
    }
    return { ok: true, id: itemId, changed: true };
  });
}

/**
 * Moves an item to a new status on a date: the move must be allowed from its current status, and dated on or
 * after its latest change and not after `latest` (today, or the as-of date when that is later).
 */
export async function setItemStatus(
  db: Db,
  input: { itemId: number; status: ItemStatus; changedOn: string; latest: string; actorId: string | null },
): Promise<MeetingWriteResult> {
  return db.transaction(async (tx): Promise<MeetingWriteResult> => {
    const [item] = await tx.select().from(meetingItems).where(eq(meetingItems.id, input.itemId)).for('update');
    if (!item) return { ok: false, error: 'not_found' };
    if (!transitions[item.status].includes(input.status)) return fail('status', 'transition');
    const [last] = await tx
      .select({ changedOn: meetingItemStatusHistory.changedOn })
      .from(meetingItemStatusHistory)
      .where(eq(meetingItemStatusHistory.itemId, item.id))
      .orderBy(sql`${meetingItemStatusHistory.changedOn} desc`, sql`${meetingItemStatusHistory.id} desc`)
      .limit(1);
    if (last && input.changedOn < last.changedOn) return fail('changedOn', 'beforeLastChange');
    if (input.changedOn > input.latest) return fail('changedOn', 'inFuture');
    await tx.update(meetingItems).set({ status: input.status }).where(eq(meetingItems.id, item.id));
    await tx.insert(meetingItemStatusHistory).values({ itemId: item.id, status: input.status, changedOn: input.changedOn, changedBy: input.actorId });
    await audit(tx, 'meeting_item.status', ['meeting_item', item.id], input.actorId, {
      before: { status: item.status },
      after: { status: input.status, changedOn: input.changedOn },
    });
    return { ok: true, id: item.id };
  });
}
