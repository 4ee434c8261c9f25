import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { findPlan } from '@/db/queries/plans';
import { listUpdates } from '@/db/queries/updates/lists';
import { storedUpdateFlags } from '@/db/queries/updates/quality';
import { listGoalReviewers, ownUpdateIds, reviewedGoalIds } from '@/db/queries/updates/reviewers';
import { seedDemo } from '@/db/seed';
import { goals, users } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
});

afterAll(async () => {
  await handle?.close();
});

describe(`the demo's reviewers and flags on ${driverUnderTest}`, () => {
  it('names a reviewer for every goal; the staff account reviews G3, with a flagged update of its own in the queue', async () => {
    const plan = (await findPlan(db))!;
    const reviewers = await listGoalReviewers(db, plan.id);
    const planGoals = await db.select({ id: goals.id }).from(goals).where(eq(goals.planId, plan.id));
    expect(new Set(reviewers.map((r) => r.goalId))).toEqual(new Set(planGoals.map((g) => g.id)));
    const [staff] = (await db.select().from(users).where(eq(users.email, 'staff@demo.local'))) as [typeof users.$inferSelect];
    const rows = await listUpdates(db, plan.id, { statuses: ['submitted'], goalIds: await reviewedGoalIds(db, staff.id, plan.id) });
    const own = await ownUpdateIds(db, staff.id, rows.map((r) => r.id));
    const flags = await storedUpdateFlags(db, plan, rows);
    expect(rows.map((r) => [r.indicatorCode, r.periodEnd, r.value, own.has(r.id), (flags.get(r.id) ?? []).map((f) => f.key)])).toEqual([
      ['G3.4', '2020-09-30', 40000, false, []],
      ['G3.4', '2020-12-31', 60000, false, []],
      ['G3.4', '2020-12-31', 450000, true, ['updates.quality.farFromRecent']],
    ]);
  });
});
