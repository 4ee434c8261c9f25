import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Db, type DbHandle } from '@/db/client';
import { addComment } from '@/db/queries/comments';
import { setCycle } from '@/db/queries/cycle/window-admin';
import { deliverPendingEmails } from '@/db/queries/notifications/deliver';
import { jobSummary, recordRun } from '@/db/queries/notifications/job-runs';
import { listNotifications, markRead, saveEmailChoices, unreadCount } from '@/db/queries/notifications/read';
import { sendItemDueReminders, sendOverdueDigest, sendReportingReminders } from '@/db/queries/notifications/reminders';
import { createItem } from '@/db/queries/meetings/items';
import { createMeeting } from '@/db/queries/meetings/meetings';
import { notify } from '@/db/queries/notifications/write';
import { reviewUpdate } from '@/db/queries/updates/changes';
import { createUpdate } from '@/db/queries/updates/create';
import { appSettings, emailMessages, indicators, notifications, users } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { newInput, seedUpdatesWorld, type World } from './updates-support';

let handle: DbHandle & { url?: string };
let db: Db;
let w: World;
let committee: { id: string; role: string };

const rowsOf = (userId: string, kind?: string) =>
  db.select().from(notifications).where(and(eq(notifications.userId, userId), kind ? eq(notifications.kind, kind) : undefined));

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  w = await seedUpdatesWorld(db);
  [committee] = (await db.insert(users).values({ email: `chair-${randomUUID()}@t.org`, name: 'Cho Chair', role: 'committee' }).returning()) as [typeof users.$inferSelect];
  // The staff member owns two indicators; the plan's windows are enforced; today is 2020-05-10.
  await db.update(indicators).set({ ownerId: w.staff.id }).where(eq(indicators.code, 'G1.1'));
  await db.update(indicators).set({ ownerId: w.staff.id }).where(eq(indicators.code, 'G1.2'));
  await db.insert(appSettings).values({ key: 'as_of_date', value: '2020-05-10' });
  await setCycle(db, { planId: w.plan.id, enforced: true, reminderDays: 7, actorId: w.admin.id });
});

afterAll(async () => {
  await handle?.close();
});

describe(`notifications on ${driverUnderTest}`, () => {
  it('a returned update notifies its reporter with the reason, in the review’s transaction; an approval too', async () => {
    const a = await createUpdate(db, newInput(w, { period: '2020-Q2' }));
    const b = await createUpdate(db, newInput(w, { period: '2020-Q2', place: { cityId: w.cities[1]!.id } }));
    if (!a.ok || !b.ok) throw new Error('setup');
    await reviewUpdate(db, { updateId: a.update.id, version: 1, actorId: w.admin.id, actorRole: 'admin', decision: 'return', comment: 'Attach the signed list' });
    await reviewUpdate(db, { updateId: b.update.id, version: 1, actorId: w.admin.id, actorRole: 'admin', decision: 'approve', comment: '' });
    const returned = await rowsOf(w.staff.id, 'update_returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]!.params).toMatchObject({ code: 'G1.1', reason: 'Attach the signed list' });
    expect(returned[0]!.link).toBe(`/updates/${a.update.id}`);
    expect(await rowsOf(w.staff.id, 'update_approved')).toHaveLength(1);
    // A refused review (an empty reason) changes nothing and notifies nobody.
    const c = await createUpdate(db, newInput(w, { period: '2020-Q2', place: { cityId: w.cities[2]!.id } }));
    await reviewUpdate(db, { updateId: c.ok ? c.update.id : 0, version: 1, actorId: w.admin.id, actorRole: 'admin', decision: 'return', comment: ' ' });
    expect(await rowsOf(w.staff.id, 'update_returned')).toHaveLength(1);
  });

  it('never notifies anyone of what their role cannot read, and lists only what it may read now', async () => {
    // A committee member cannot read drafts or returned updates: no reminder, no decision on an update reaches them.
    expect(await notify(db, [{ userId: committee.id, kind: 'update_returned', params: { code: 'G1.1', periodEnd: '2020-06-30', reason: 'secret' }, link: null }])).toBe(0);
    expect(await notify(db, [{ userId: committee.id, kind: 'overdue', params: {}, link: null, dedupeKey: `x-${randomUUID()}` }])).toBe(0);
    expect(await notify(db, [{ userId: w.staff.id, kind: 'overdue_digest', params: {}, link: null }])).toBe(0);
    expect(await notify(db, [{ userId: committee.id, kind: 'mention', params: { author: 'A', where: 'G1.1', comment: 'hi' }, link: null }])).toBe(1);
    expect(await rowsOf(committee.id)).toHaveLength(1);
    // Someone whose role changed to committee no longer sees the progress notifications they had.
    const [former] = await db.insert(users).values({ email: `former-${randomUUID()}@t.org`, name: 'Fay Former', role: 'staff' }).returning();
    await notify(db, [{ userId: former!.id, kind: 'update_approved', params: { code: 'G1.1', periodEnd: '2020-06-30', reason: '' }, link: null }]);
    await db.update(users).set({ role: 'committee' }).where(eq(users.id, former!.id));
    expect(await listNotifications(db, { id: former!.id, role: 'committee' })).toEqual([]);
    expect(await unreadCount(db, { id: former!.id, role: 'committee' })).toBe(0);
    // …nor gets it by e-mail.
    await deliverPendingEmails(db, { baseUrl: 'http://localhost' });
    expect(await db.select().from(emailMessages).where(eq(emailMessages.toAddress, former!.email))).toEqual([]);
  });

  it('mentions in a comment notify the person named, not the author', async () => {
    const handleOf = (email: string) => email.split('@')[0];
    const result = await addComment(db, { subject: { indicatorId: w.cumulative.id }, parentId: null, body: `@${handleOf(w.admin.email)} and @${handleOf(w.staff.email)}: see Q2`, authorId: w.staff.id });
    expect(result.ok).toBe(true);
    const mentions = await rowsOf(w.admin.id, 'mention');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]!.params).toMatchObject({ author: 'Sam Staff', where: 'G1.1' });
    expect(await rowsOf(w.staff.id, 'mention')).toHaveLength(0);
  });

  it('reminds once per person, period and kind, however often and however many workers run the job at once', async () => {
    const second = handle.url ? openPostgres(handle.url, { max: 3 }) : undefined;
    const other = second?.db ?? db;
    try {
      const runs = await Promise.all([sendReportingReminders(db), sendReportingReminders(other), sendReportingReminders(db), sendReportingReminders(other)]);
      expect(runs.reduce((n, r) => n + r.written, 0)).toBeGreaterThan(0);
      const rows = await rowsOf(w.staff.id);
      const reminders = rows.filter((r) => ['window_opening', 'due_soon', 'overdue'].includes(r.kind));
      // Q1 (due 04-15) is overdue for G1.2 (G1.1 has Q2 reports only, so Q1 of both): one overdue reminder for the period.
      expect(reminders.filter((r) => r.kind === 'overdue')).toHaveLength(1);
      expect(reminders.find((r) => r.kind === 'overdue')!.params).toMatchObject({ period: '2020-Q1', count: 2, codes: 'G1.1, G1.2' });
      // Q2 opened on 04-01 (more than a week ago) and is due 07-15: no opening notice, not due soon yet.
      expect(reminders.filter((r) => r.kind !== 'overdue')).toHaveLength(0);
      await Promise.all([sendOverdueDigest(db), sendOverdueDigest(other)]);
      expect(await rowsOf(w.admin.id, 'overdue_digest')).toHaveLength(1);
      expect(await rowsOf(w.staff.id, 'overdue_digest')).toHaveLength(0);
      // Later, inside the reminder days before Q2's due date: one due-soon reminder, still only one overdue one.
      await db.update(appSettings).set({ value: '2020-07-10' }).where(eq(appSettings.key, 'as_of_date'));
      await Promise.all([sendReportingReminders(db), sendReportingReminders(other)]);
      const after = await rowsOf(w.staff.id);
      // G1.2 has nothing for Q2 (due 07-15, five days away); Q1 has closed since, and its overdue reminder was sent once.
      expect(after.filter((r) => r.kind === 'due_soon').map((r) => [r.params.period, r.params.codes])).toEqual([['2020-Q2', 'G1.2']]);
      expect(after.filter((r) => r.kind === 'overdue')).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });

  it('without SMTP, e-mails go to the outbox in the recipient’s language, once each, honouring each person’s choice', async () => {
    await saveEmailChoices(db, w.admin.id, { email: { mention: false, overdue_digest: true }, locale: 'zh' });
    await saveEmailChoices(db, w.staff.id, { email: { update_returned: true, update_approved: true, overdue: true, due_soon: true, mention: true }, locale: 'en' });
    const second = handle.url ? openPostgres(handle.url, { max: 2 }) : undefined;
    try {
      await Promise.all([deliverPendingEmails(db, { baseUrl: 'http://localhost:3000' }), deliverPendingEmails(second?.db ?? db, { baseUrl: 'http://localhost:3000' })]);
    } finally {
      await second?.close();
    }
    const mails = await db.select().from(emailMessages);
    expect(mails.every((m) => m.transport === 'outbox')).toBe(true);
    expect(new Set(mails.map((m) => m.notificationId)).size).toBe(mails.length);
    const staffMail = mails.filter((m) => m.toAddress === w.staff.email);
    expect(staffMail.find((m) => m.subject === 'Update returned: G1.1')?.body).toContain('Attach the signed list');
    const adminMail = mails.filter((m) => m.toAddress === w.admin.email);
    expect(adminMail.map((m) => m.locale)).toEqual(adminMail.map(() => 'zh'));
    expect(adminMail.some((m) => m.subject.includes('每周摘要'))).toBe(true);
    // The admin turned mention e-mails off: the mention stays in the app, marked skipped.
    const [mention] = await rowsOf(w.admin.id, 'mention');
    expect(mention!.emailState).toBe('skipped');
    expect(await db.select().from(notifications).where(eq(notifications.emailState, 'pending'))).toEqual([]);
  });

  it('marks one’s own notifications read, never someone else’s', async () => {
    const before = await unreadCount(db, w.staff);
    expect(before).toBeGreaterThan(0);
    const [adminRow] = await rowsOf(w.admin.id);
    expect(await markRead(db, w.staff.id, [adminRow!.id])).toBe(0);
    const [first] = await listNotifications(db, w.staff);
    expect(await markRead(db, w.staff.id, [first!.id])).toBe(1);
    expect(await unreadCount(db, w.staff)).toBe(before - 1);
    await markRead(db, w.staff.id, 'all');
    expect(await unreadCount(db, w.staff)).toBe(0);
  });

  it('an action item given to someone notifies them in the same transaction, and reminds them once when it is due', async () => {
    const meeting = await createMeeting(db, { kind: 'working_level', heldOn: '2020-07-01', title: 'July working meeting', participants: null, agenda: null, minutes: null, participantIds: [] }, w.admin.id);
    const meetingId = (meeting as { id: number }).id;
    const item = { kind: 'action_item' as const, text: 'Send the cluster membership lists', ownerId: w.other.id, ownerName: null, dueOn: '2020-07-12', goalIds: [], indicatorIds: [] };
    const created = await createItem(db, meetingId, item, w.admin.id);
    const itemId = (created as { id: number }).id;
    expect((await rowsOf(w.other.id, 'item_assigned')).map((r) => r.link)).toEqual([`/meetings/items/${itemId}`]);
    // Given to oneself: no notification.
    await createItem(db, meetingId, { ...item, ownerId: w.admin.id }, w.admin.id);
    expect(await rowsOf(w.admin.id, 'item_assigned')).toHaveLength(0);
    // Today is 2020-07-10: due within a week.
    await Promise.all([sendItemDueReminders(db), sendItemDueReminders(db)]);
    await sendItemDueReminders(db);
    expect(await rowsOf(w.other.id, 'item_due')).toHaveLength(1);
  });

  it('records each job run, failures included, for the jobs page', async () => {
    await recordRun(db, 'test-job', 'in-process', 1, async () => ({ done: 1 }));
    await expect(recordRun(db, 'test-job', 'in-process', 2, async () => Promise.reject(new Error('SMTP down')))).rejects.toThrow('SMTP down');
    const [summary] = (await jobSummary(db)).filter((j) => j.job === 'test-job');
    expect(summary).toMatchObject({ runs7d: 2, failures7d: 1 });
    expect(summary!.lastOkAt).toBeInstanceOf(Date);
  });
});
