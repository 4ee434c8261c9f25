import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { approveUpdates, reviewUpdate } from '@/db/queries/updates/changes';
import { createUpdate } from '@/db/queries/updates/create';
import { addGoalReviewer, listGoalReviewers, removeGoalReviewer, reviewedGoalIds } from '@/db/queries/updates/reviewers';
import { auditLog, goals, notifications, progressUpdates, users } from '@/db/schema';
import { reviewVerdict } from '@/lib/auth/policy';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertIndicator } from '../support/fixtures';
import { newInput, seedUpdatesWorld, snapshot, type World } from './updates-support';

// Separated duties: admins name reviewers per goal; a goal's reviewer (or an admin) approves and returns its updates,
// nobody their own; several can be approved at once, each on its own.

let handle: DbHandle;
let db: Db;
let w: World;
let goalB: typeof goals.$inferSelect;
let reviewerA: typeof users.$inferSelect;
let committee: typeof users.$inferSelect;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  w = await seedUpdatesWorld(db);
  [goalB] = (await db.insert(goals).values({ planId: w.plan.id, code: 'G2', title: 'Second goal', sortOrder: 2 }).returning()) as [typeof goals.$inferSelect];
  await insertIndicator(db, { planId: w.plan.id, goalId: goalB.id }, { code: 'G2.1', accumulation: 'non_cumulative' });
  [reviewerA, committee] = (await db
    .insert(users)
    .values([
      { email: `rev-${randomUUID()}@t.org`, name: 'Rita Reviewer', role: 'staff' },
      { email: `com-${randomUUID()}@t.org`, name: 'Cleo Committee', role: 'committee' },
    ])
    .returning()) as [typeof users.$inferSelect, typeof users.$inferSelect];
  expect(await addGoalReviewer(db, { goalId: w.goal.id, userId: reviewerA.id, actorId: w.admin.id })).toEqual({ ok: true, changed: true });
});

afterAll(async () => {
  await handle?.close();
});

let periodCounter = 0;
/** A submitted update of `code`, reported by `actorId`, each in a series of its own (no flags to confirm). */
async function submitted(actorId: string, code = 'G1.2') {
  const cityId = w.cities[periodCounter++ % 3]!.id;
  const created = await createUpdate(db, newInput(w, { indicatorCode: code, period: '2020-Q1', place: { cityId }, figures: { value: String(100 + periodCounter) }, actorId, confirmed: true, note: 'checked' }));
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.update;
}

const formError = (key: string) => ({ ok: false, error: 'invalid', errors: { form: [{ key }] } });

describe(`separated duties on ${driverUnderTest}`, () => {
  it('the policy: own updates are refused for every role; admins review every goal, staff the goals they are named for', () => {
    for (const role of ['admin', 'staff', 'committee'] as const) {
      expect(reviewVerdict({ role, reviewsGoal: true }, { own: true })).toBe(role === 'committee' ? 'notReviewer' : 'own');
    }
    expect(reviewVerdict({ role: 'admin', reviewsGoal: false }, { own: false })).toBe('allowed');
    expect(reviewVerdict({ role: 'staff', reviewsGoal: true }, { own: false })).toBe('allowed');
    expect(reviewVerdict({ role: 'staff', reviewsGoal: false }, { own: false })).toBe('notReviewer');
    expect(reviewVerdict({ role: 'committee', reviewsGoal: true }, { own: false })).toBe('notReviewer');
  });

  it('refuses self-approval and self-return for an admin and for a named reviewer, writing nothing', async () => {
    for (const [who, role] of [
      [w.admin, 'admin'],
      [reviewerA, 'staff'],
    ] as const) {
      const u = await submitted(who.id);
      const before = await snapshot(db);
      expect(await reviewUpdate(db, { updateId: u.id, version: 1, actorId: who.id, actorRole: role, decision: 'approve', comment: '' })).toMatchObject(formError('updates.errors.ownReview'));
      expect(await reviewUpdate(db, { updateId: u.id, version: 1, actorId: who.id, actorRole: role, decision: 'return', comment: 'mine' })).toMatchObject(formError('updates.errors.ownReview'));
      expect(await approveUpdates(db, { items: [{ updateId: u.id, version: 1 }], actorId: who.id, actorRole: role })).toMatchObject([{ updateId: u.id, result: formError('updates.errors.ownReview') }]);
      expect(await snapshot(db)).toEqual(before);
    }
  });

  it("lets a reviewer of goal A approve A's updates but not goal B's; a staff member who reviews nothing approves nothing", async () => {
    const a = await submitted(w.staff.id, 'G1.2');
    const b = await submitted(w.staff.id, 'G2.1');
    const before = await snapshot(db);
    expect(await reviewUpdate(db, { updateId: b.id, version: 1, actorId: reviewerA.id, actorRole: 'staff', decision: 'approve', comment: '' })).toMatchObject(formError('updates.errors.notReviewer'));
    expect(await reviewUpdate(db, { updateId: a.id, version: 1, actorId: w.other.id, actorRole: 'staff', decision: 'return', comment: 'no' })).toMatchObject(formError('updates.errors.notReviewer'));
    expect(await reviewUpdate(db, { updateId: a.id, version: 1, actorId: committee.id, actorRole: 'committee', decision: 'approve', comment: '' })).toMatchObject(formError('updates.errors.notReviewer'));
    expect(await snapshot(db)).toEqual(before);
    const approved = await reviewUpdate(db, { updateId: a.id, version: 1, actorId: reviewerA.id, actorRole: 'staff', decision: 'approve', comment: '' });
    expect(approved.ok && approved.update).toMatchObject({ status: 'approved', reviewedBy: reviewerA.id, reportedBy: w.staff.id });
    // The audit row names the reporter beside the reviewer (its actor).
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'progress.approve'), eq(auditLog.entityId, String(a.id))));
    expect(row).toMatchObject({ actorId: reviewerA.id, after: expect.objectContaining({ reportedBy: w.staff.id, reportedByName: 'Sam Staff', reviewedBy: reviewerA.id, status: 'approved' }) });
    // Returning needs a reason, for a reviewer as for an admin.
    const c = await submitted(w.staff.id, 'G1.2');
    expect(await reviewUpdate(db, { updateId: c.id, version: 1, actorId: reviewerA.id, actorRole: 'staff', decision: 'return', comment: '  ' })).toMatchObject({
      ok: false,
      errors: { comment: [{ key: 'updates.validation.commentRequired' }] },
    });
  });

  it('approves several at once, one transaction each: the good ones approved and notified, the others refused on their own', async () => {
    const good1 = await submitted(w.staff.id, 'G1.2');
    const good2 = await submitted(w.other.id, 'G1.1');
    const own = await submitted(reviewerA.id, 'G1.2');
    const otherGoal = await submitted(w.staff.id, 'G2.1');
    const stale = await submitted(w.staff.id, 'G1.2');
    const before = await snapshot(db);
    const results = await approveUpdates(db, {
      items: [
        { updateId: good1.id, version: 1 },
        { updateId: own.id, version: 1 },
        { updateId: otherGoal.id, version: 1 },
        { updateId: stale.id, version: 7 },
        { updateId: good2.id, version: 1 },
      ],
      actorId: reviewerA.id,
      actorRole: 'staff',
    });
    expect(results.map((r) => (r.result.ok ? 'approved' : r.result.error === 'invalid' ? r.result.errors.form?.[0]?.key : r.result.error))).toEqual([
      'approved',
      'updates.errors.ownReview',
      'updates.errors.notReviewer',
      'conflict',
      'approved',
    ]);
    const after = await snapshot(db);
    expect(after.updates).toBe(before.updates);
    expect(after.versions - before.versions).toBe(2);
    expect(after.audit - before.audit).toBe(2);
    const rows = await db.select().from(progressUpdates).where(inArray(progressUpdates.id, [good1.id, good2.id, own.id, otherGoal.id, stale.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [good1.id]: 'approved', [good2.id]: 'approved', [own.id]: 'submitted', [otherGoal.id]: 'submitted', [stale.id]: 'submitted' });
    const notes = await db.select().from(notifications).where(eq(notifications.kind, 'update_approved'));
    expect(notes.filter((n) => n.link === `/updates/${good1.id}` || n.link === `/updates/${good2.id}`).map((n) => n.userId).sort()).toEqual([w.staff.id, w.other.id].sort());
  });

  it('names reviewers (staff or admins only), audited; naming twice or removing one not named changes nothing', async () => {
    const before = await snapshot(db);
    expect(await addGoalReviewer(db, { goalId: goalB.id, userId: committee.id, actorId: w.admin.id })).toEqual({ ok: false, error: 'user_not_eligible' });
    expect(await addGoalReviewer(db, { goalId: 999_999, userId: w.staff.id, actorId: w.admin.id })).toEqual({ ok: false, error: 'goal_not_found' });
    expect(await addGoalReviewer(db, { goalId: w.goal.id, userId: reviewerA.id, actorId: w.admin.id })).toEqual({ ok: true, changed: false });
    expect(await removeGoalReviewer(db, { goalId: goalB.id, userId: w.staff.id, actorId: w.admin.id })).toEqual({ ok: true, changed: false });
    expect(await snapshot(db)).toEqual(before);
    expect(await addGoalReviewer(db, { goalId: goalB.id, userId: w.admin.id, actorId: w.admin.id })).toEqual({ ok: true, changed: true });
    expect((await listGoalReviewers(db, w.plan.id)).map((r) => [r.goalId, r.name])).toEqual([
      [w.goal.id, 'Rita Reviewer'],
      [goalB.id, 'Ada Admin'],
    ]);
    expect(await reviewedGoalIds(db, reviewerA.id, w.plan.id)).toEqual([w.goal.id]);
    expect(await removeGoalReviewer(db, { goalId: goalB.id, userId: w.admin.id, actorId: w.admin.id })).toEqual({ ok: true, changed: true });
    const audits = await db.select().from(auditLog).where(inArray(auditLog.action, ['goal.reviewer.add', 'goal.reviewer.remove']));
    expect(audits.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ['goal.reviewer.add', String(w.goal.id), w.admin.id],
      ['goal.reviewer.add', String(goalB.id), w.admin.id],
      ['goal.reviewer.remove', String(goalB.id), w.admin.id],
    ]);
  });
});
