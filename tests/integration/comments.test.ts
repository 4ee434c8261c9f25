import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { addComment, commentThreads, editComment, EDIT_WINDOW_MS } from '@/db/queries/comments';
import { createItem } from '@/db/queries/meetings/items';
import { createMeeting } from '@/db/queries/meetings/meetings';
import { auditLog, comments, users } from '@/db/schema';
import { commentEditSchema, commentFormSchema } from '@/lib/validation/meetings';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertIndicator, insertPlan } from '../support/fixtures';

let handle: DbHandle;
let db: Db;
let committeeId: string;
let staffId: string;
let indicatorId: number;
let itemId: number;

const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
const commentAudits = (id: number) =>
  db.select().from(auditLog).where(sql`${auditLog.entityType} = 'comment' and ${auditLog.entityId} = ${String(id)}`).orderBy(auditLog.id);

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [committee, staff] = await db
    .insert(users)
    .values([
      { email: `committee-${randomUUID()}@t.org`, name: 'Cai Committee', role: 'committee' },
      { email: `staff-${randomUUID()}@t.org`, name: 'Sam Staff', role: 'staff' },
    ])
    .returning();
  committeeId = committee!.id;
  staffId = staff!.id;
  const { plan, goal } = await insertPlan(db);
  indicatorId = (await insertIndicator(db, { planId: plan.id, goalId: goal.id }, { code: 'G1.1', accumulation: 'cumulative' })).id;
  const m = await createMeeting(db, { kind: 'steering_committee', heldOn: '2020-05-07', title: 'SC', participants: null, agenda: null, minutes: null, participantIds: [] }, staffId);
  if (!m.ok) throw new Error('set-up');
  const item = await createItem(db, m.id, { kind: 'decision', text: 'Endorse', ownerId: null, ownerName: 'Project team', dueOn: null, goalIds: [], indicatorIds: [indicatorId] }, staffId);
  if (!item.ok) throw new Error('set-up');
  itemId = item.id;
});

afterAll(async () => {
  await handle?.close();
});

describe(`comments on ${driverUnderTest}`, () => {
  it('threads comments one level deep on indicators and items, with authors and times, audited', async () => {
    const top = await addComment(db, { subject: { meetingItemId: itemId }, parentId: null, body: 'Was this done?', authorId: committeeId });
    if (!top.ok) throw new Error('set-up');
    const reply = await addComment(db, { subject: { meetingItemId: itemId }, parentId: top.id, body: 'Yes, on 29 May.', authorId: staffId });
    if (!reply.ok) throw new Error('set-up');
    const before = await auditCount();
    // A reply to a reply, a parent on another subject, and an unknown subject are refused and change nothing.
    expect(await addComment(db, { subject: { meetingItemId: itemId }, parentId: reply.id, body: 'Deeper', authorId: committeeId })).toEqual({ ok: false, error: 'bad_parent' });
    expect(await addComment(db, { subject: { indicatorId }, parentId: top.id, body: 'Elsewhere', authorId: committeeId })).toEqual({ ok: false, error: 'bad_parent' });
    expect(await addComment(db, { subject: { indicatorId: 999_999 }, parentId: null, body: 'Nothing', authorId: committeeId })).toEqual({ ok: false, error: 'not_found' });
    expect(await auditCount()).toBe(before);
    const onIndicator = await addComment(db, { subject: { indicatorId }, parentId: null, body: 'Good progress', authorId: committeeId });
    expect(onIndicator.ok).toBe(true);

    const threads = await commentThreads(db, { meetingItemId: itemId });
    expect(threads.map((t) => [t.author, t.body, t.replies.map((r) => [r.author, r.body])])).toEqual([
      ['Cai Committee', 'Was this done?', [['Sam Staff', 'Yes, on 29 May.']]],
    ]);
    expect(Number.isNaN(Date.parse(threads[0]!.createdAt))).toBe(false);
    expect((await commentThreads(db, { indicatorId })).map((t) => t.body)).toEqual(['Good progress']);
    expect((await commentAudits(top.id))[0]).toMatchObject({ action: 'comment.create', actorId: committeeId, after: { meetingItemId: itemId, parentId: null, body: 'Was this done?' } });
  });

  it('lets only the author edit, within 15 minutes of posting, and audits the edit', async () => {
    const posted = await addComment(db, { subject: { indicatorId }, parentId: null, body: 'First draft', authorId: committeeId });
    if (!posted.ok) throw new Error('set-up');
    const [row] = await db.select().from(comments).where(sql`${comments.id} = ${posted.id}`);
    const created = row!.createdAt.getTime();
    const at = (ms: number) => new Date(created + ms);
    expect(await editComment(db, { id: posted.id, body: 'Not mine', actorId: staffId, now: at(60_000) })).toMatchObject({ ok: false, error: 'not_author' });
    expect(await editComment(db, { id: posted.id, body: 'Too late', actorId: committeeId, now: at(EDIT_WINDOW_MS + 1000) })).toMatchObject({ ok: false, error: 'too_late' });
    expect(await editComment(db, { id: 999_999, body: 'x', actorId: committeeId })).toMatchObject({ ok: false, error: 'not_found' });
    expect((await commentThreads(db, { indicatorId })).find((t) => t.id === posted.id)).toMatchObject({ body: 'First draft', editedAt: null });
    expect(await editComment(db, { id: posted.id, body: 'Second draft', actorId: committeeId, now: at(EDIT_WINDOW_MS - 1000) })).toMatchObject({ ok: true, id: posted.id });
    const edited = (await commentThreads(db, { indicatorId })).find((t) => t.id === posted.id)!;
    expect(edited.body).toBe('Second draft');
    expect(edited.editedAt).not.toBeNull();
    expect((await commentAudits(posted.id)).map((a) => [a.action, a.before, a.after])).toEqual([
      ['comment.create', null, expect.objectContaining({ body: 'First draft' })],
      ['comment.edit', { body: 'First draft' }, { body: 'Second draft' }],
    ]);
  });

  it('validates comment forms at the boundary', () => {
    expect(commentFormSchema.safeParse({ subject: 'item', subjectId: '3', parentId: '', body: '  ' }).error?.issues[0]?.message).toBe('meetings.validation.required');
    expect(commentFormSchema.parse({ subject: 'indicator', subjectId: '7', parentId: '', body: ' Hi ' })).toEqual({ subject: 'indicator', subjectId: 7, parentId: null, body: 'Hi' });
    expect(commentFormSchema.safeParse({ subject: 'meeting', subjectId: '3', body: 'x' }).success).toBe(false);
    expect(commentEditSchema.safeParse({ commentId: 'abc', body: 'x' }).success).toBe(false);
    expect(commentEditSchema.safeParse({ commentId: '1', body: 'x'.repeat(4001) }).success).toBe(false);
  });
});
