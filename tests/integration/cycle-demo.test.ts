import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { listNotifications } from '@/db/queries/notifications/read';
import { sendReportingReminders } from '@/db/queries/notifications/reminders';
import { findPlan } from '@/db/queries/plans';
import { createUpdate } from '@/db/queries/updates/create';
import { myReporting } from '@/db/queries/updates/lists';
import { seedDemo } from '@/db/seed';
import { users } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';

let handle: DbHandle;
let db: Db;
let staff: typeof users.$inferSelect;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
  [staff] = (await db.select().from(users).where(eq(users.email, 'staff@demo.local'))) as [typeof users.$inferSelect];
});

afterAll(async () => {
  await handle?.close();
});

describe(`the demo's reporting cycle on ${driverUnderTest}`, () => {
  it('gives the staff account something due, something late and something returned on first sign-in', async () => {
    const plan = (await findPlan(db))!;
    const mine = await myReporting(db, { userId: staff.id, planId: plan.id, asOf: '2020-11-15' });
    expect(mine.due.map((d) => [d.indicatorCode, d.periodKey, d.dueOn])).toEqual([['G5.5', '2020', '2021-01-15']]);
    expect(mine.overdue.map((d) => [d.indicatorCode, d.periodKey, d.dueOn, d.closesOn])).toEqual([['G5.3', '2020-Q4', '2020-11-10', '2021-01-31']]);
    expect(mine.open.filter((u) => u.status === 'returned').map((u) => u.indicatorCode)).toEqual(['G3.4']);
    const [returned] = await listNotifications(db, staff);
    expect(returned).toMatchObject({ kind: 'update_returned', params: { code: 'G3.4' } });
  });

  it('the reminder job then reminds the staff member of the late quarter, once', async () => {
    await sendReportingReminders(db);
    await sendReportingReminders(db);
    const overdue = (await listNotifications(db, staff)).filter((n) => n.kind === 'overdue');
    expect(overdue.map((n) => n.params)).toEqual([expect.objectContaining({ period: '2020-Q4', codes: 'G5.3' })]);
  });

  it('late figures for the fourth quarter are accepted and marked late; the closed second quarter is refused', async () => {
    const plan = (await findPlan(db))!;
    const base = { planId: plan.id, indicatorCode: 'G5.3', place: {}, figures: { numerator: '150000', denominator: '450000' }, note: '', evidenceUrl: '', status: 'submitted' as const, confirmed: true, actorId: staff.id };
    const late = await createUpdate(db, { ...base, period: '2020-Q4', idempotencyKey: crypto.randomUUID() });
    expect(late.ok && late.update.late).toBe(true);
    const closed = await createUpdate(db, { ...base, period: '2020-Q2', idempotencyKey: crypto.randomUUID() });
    expect(!closed.ok && closed.errors.period?.map((p) => p.key)).toEqual(['updates.validation.windowClosed']);
  });
});
