import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { setCycle } from '@/db/queries/cycle/window-admin';
import { startJobs } from '@/data/jobs/runner';
import { appSettings, emailMessages, indicators, jobRuns, notifications, users } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertIndicator, insertPlan } from '../support/fixtures';

let handle: DbHandle & { url?: string };
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});

afterAll(async () => {
  await handle?.close();
});

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe(`the job runner on ${driverUnderTest} (${driverUnderTest === 'postgres' ? 'pg-boss' : 'in-process timers'})`, () => {
  it('runs the reminder and delivery jobs on two runners at once: one reminder, one e-mail, every run recorded', async () => {
    const { plan, goal } = await insertPlan(db);
    const ind = await insertIndicator(db, { planId: plan.id, goalId: goal.id }, { code: 'G1.1', accumulation: 'cumulative' });
    const [owner] = await db.insert(users).values({ email: `owner-${randomUUID()}@t.org`, name: 'Owen Owner', role: 'staff' }).returning();
    await db.update(indicators).set({ ownerId: owner!.id }).where(eq(indicators.id, ind.id));
    await db.insert(appSettings).values({ key: 'as_of_date', value: '2020-05-10' });
    await setCycle(db, { planId: plan.id, enforced: true, reminderDays: 7, actorId: null });
    const stops = [await startJobs(handle, handle.url), await startJobs(handle, handle.url)];
    try {
      const mail = await until(async () => (await db.select().from(emailMessages).where(eq(emailMessages.toAddress, owner!.email)))[0]);
      expect(mail).toMatchObject({ transport: 'outbox', subject: 'Overdue: 2020-Q1' });
      const runs = await until(async () => {
        const rows = await db.select().from(jobRuns).where(eq(jobRuns.job, 'reporting-reminders'));
        return rows.some((r) => r.ok) ? rows : undefined;
      });
      expect(runs.every((r) => r.runner === (driverUnderTest === 'postgres' ? 'pg-boss' : 'in-process'))).toBe(true);
    } finally {
      for (const stop of stops) await stop();
    }
    const rows = await db.select().from(notifications).where(eq(notifications.userId, owner!.id));
    expect(rows.map((r) => r.kind)).toEqual(['overdue']);
    expect(await db.select().from(emailMessages).where(eq(emailMessages.toAddress, owner!.email))).toHaveLength(1);
  }, 60_000);
});
