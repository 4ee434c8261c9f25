import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { comments, indicators, meetingItems } from '../schema';
import { audit, writeAudit } from './audit';
import { notifyMentions } from './notifications/events';
import { queryRows } from './raw';

/**
 * Comments on indicators and meeting items: threads one level deep (a reply answers a top-level
 * comment of the same subject), editable by their author only, within 15 minutes of posting. Every post and
 * edit is audited in the same transaction.
 */

export const EDIT_WINDOW_MS = 15 * 60 * 1000;

export type CommentSubject = { indicatorId: number } | { meetingItemId: number };

export interface CommentRow {
  id: number;
  parentId: number | null;
  authorId: string;
  author: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
}

export interface CommentThread extends CommentRow {
  replies: CommentRow[];
}

export type CommentResult =
  | { ok: true; id: number }
  | { ok: false; error: 'not_found' | 'not_author' | 'too_late' | 'bad_parent' };

const subjectWhere = (s: CommentSubject) =>
  'indicatorId' in s ? sql`c.indicator_id = ${s.indicatorId}` : sql`c.meeting_item_id = ${s.meetingItemId}`;

/** A subject's comments as threads, oldest first (comments_indicator_idx / comments_meeting_item_idx). */
export async function commentThreads(db: Db, subject: CommentSubject, limit = 500): Promise<CommentThread[]> {
  const rows = await queryRows<CommentRow>(
    db,
    sql`select c.id, c.parent_id as "parentId", c.author_id as "authorId", u.name as author, c.body,
          to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
          to_char(c.edited_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "editedAt"
        from comments c join users u on u.id = c.author_id
        where ${subjectWhere(subject)}
        order by c.created_at, c.id limit ${limit}`,
  );
  const threads = new Map<number, CommentThread>();
  for (const row of rows) if (row.parentId === null) threads.set(row.id, { ...row, replies: [] });
  for (const row of rows) if (row.parentId !== null) threads.get(row.parentId)?.replies.push(row);
  return [...threads.values()];
}

async function subjectExists(db: Db, subject: CommentSubject): Promise<boolean> {
  const [row] =
    'indicatorId' in subject
      ? await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, subject.indicatorId))
      : await db.select({ id: meetingItems.id }).from(meetingItems).where(eq(meetingItems.id, subject.meetingItemId));
  return row !== undefined;
}

export async function addComment(
  db: Db,
  input: { subject: CommentSubject; parentId: number | null; body: string; authorId: string },
): Promise<CommentResult> {
  if (!(await subjectExists(db, input.subject))) return { ok: false, error: 'not_found' };
  const subjectValues =
    'indicatorId' in input.subject ? { indicatorId: input.subject.indicatorId } : { meetingItemId: input.subject.meetingItemId };
  return db.transaction(async (tx): Promise<CommentResult> => {
    if (input.parentId !== null) {
      const [parent] = await tx.select().from(comments).where(eq(comments.id, input.parentId));
      const sameSubject =
        parent &&
        ('indicatorId' in input.subject ? parent.indicatorId === input.subject.indicatorId : parent.meetingItemId === input.subject.meetingItemId);
      if (!parent || !sameSubject || parent.parentId !== null) return { ok: false, error: 'bad_parent' };
    }
    const [row] = await tx
      .insert(comments)
      .values({ ...subjectValues, parentId: input.parentId, authorId: input.authorId, body: input.body })
      .returning({ id: comments.id });
    await audit(tx, 'comment.create', ['comment', row!.id], input.authorId, {
      after: { ...subjectValues, parentId: input.parentId, body: input.body },
    });
    await notifyMentions(tx, { id: row!.id, body: input.body, authorId: input.authorId, subject: input.subject });
    return { ok: true, id: row!.id };
  });
}

/** Edits a comment: its author only, within EDIT_WINDOW_MS of posting (measured by the database's clock or `now`). */
export async function editComment(
  db: Db,
  input: { id: number; body: string; actorId: string; now?: Date },
): Promise<CommentResult & { subject?: CommentSubject }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(comments).where(eq(comments.id, input.id)).for('update');
    if (!row) return { ok: false as const, error: 'not_found' as const };
    if (row.authorId !== input.actorId) return { ok: false as const, error: 'not_author' as const };
    const now = input.now ?? new Date();
    if (now.getTime() - row.createdAt.getTime() > EDIT_WINDOW_MS) return { ok: false as const, error: 'too_late' as const };
    const subject: CommentSubject = row.indicatorId !== null ? { indicatorId: row.indicatorId } : { meetingItemId: row.meetingItemId! };
    if (row.body === input.body) return { ok: true as const, id: row.id, subject };
    await tx.update(comments).set({ body: input.body, editedAt: now }).where(and(eq(comments.id, row.id)));
    await writeAudit(tx, { actorId: input.actorId, action: 'comment.edit', entityType: 'comment', entityId: row.id, before: { body: row.body }, after: { body: input.body } });
    return { ok: true as const, id: row.id, subject };
  });
}

/** Where a comment lives, to revalidate its page. */
export async function commentSubject(db: Db, id: number) {
  const [row] = await db
    .select({ indicatorCode: indicators.code, meetingItemId: comments.meetingItemId })
    .from(comments)
    .leftJoin(indicators, eq(indicators.id, comments.indicatorId))
    .where(eq(comments.id, id));
  return row;
}
