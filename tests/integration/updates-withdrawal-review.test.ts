import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { reviewUpdate, withdrawUpdate } from '@/db/queries/updates/changes';
import { createUpdate } from '@/db/queries/updates/create';
import { decideWithdrawal, openWithdrawalRequests, requestWithdrawal } from '@/db/queries/updates/withdrawals';
import { progressTotals, progressUpdates, users, withdrawalRequests } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { auditFor, newInput, seedUpdatesWorld, snapshot, type World } from './updates-support';

// A counted (approved) value never leaves the dashboards unreviewed: withdrawing it is a request that a
// reviewer other than the one asking decides, audited, in one transaction with the withdrawal.

let handle: DbHandle;
let db: Db;
let w: World;
let secondAdmin: typeof users.$inferSelect;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  w = await seedUpdatesWorld(db);
  [secondAdmin] = await db.insert(users).values({ email: `admin2-${randomUUID()}@t.org`, name: 'Ava Admin', role: 'admin' }).returning() as [typeof users.$inferSelect];
});

afterAll(async () => {
  await handle?.close();
});

/** An update reported by `other` staff and approved by the admin: counted on the dashboards. */
async function approved() {
  const periods = ['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'];
  const i = n++;
  const created = await createUpdate(
    db,
    newInput(w, { indicatorCode: 'G1.2', period: periods[i % 4]!, place: { cityId: w.cities[Math.floor(i / 4) % 3]!.id }, figures: { value: '7' }, confirmed: true, note: 'checked', actorId: w.other.id }),
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const review = await reviewUpdate(db, { updateId: created.update.id, version: 1, actorId: w.admin.id, actorRole: 'admin', decision: 'approve', comment: '' });
  if (!review.ok) throw new Error(JSON.stringify(review));
  return review.update;
}

const status = async (id: number) => (await db.select().from(progressUpdates).where(eq(progressUpdates.id, id)))[0]!.status;
const approvedTotal = async () =>
  (await db.select().from(progressTotals).where(eq(progressTotals.indicatorId, w.flow.id))).filter((r) => r.status === 'approved').reduce((s, r) => s + Number(r.value ?? 0), 0);

describe(`withdrawing an approved update on ${driverUnderTest}`, () => {
  it('staff cannot withdraw an approved update someone else reported: it stays counted, nothing is written', async () => {
    const u = await approved();
    const before = await snapshot(db);
    const result = await withdrawUpdate(db, { updateId: u.id, version: u.version, actorId: w.staff.id, reason: 'not needed' });
    expect(result).toMatchObject({ ok: false, error: 'invalid', errors: { form: [{ key: 'updates.errors.withdrawNeedsReview' }] } });
    expect(await status(u.id)).toBe('approved');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a request keeps it counted until a reviewer other than the requester approves; then it is withdrawn, versioned and audited', async () => {
    const u = await approved();
    const counted = await approvedTotal();
    const asked = await requestWithdrawal(db, { updateId: u.id, version: u.version, actorId: w.staff.id, reason: 'Duplicate of another report' });
    expect(asked.ok).toBe(true);
    const requestId = asked.ok ? asked.request.id : 0;
    expect(await status(u.id)).toBe('approved');
    expect(await approvedTotal()).toBe(counted);
    // A second request while one is open is refused.
    expect(await requestWithdrawal(db, { updateId: u.id, version: u.version, actorId: w.other.id, reason: 'again' })).toMatchObject({ ok: false, error: 'invalid' });
    expect((await openWithdrawalRequests(db)).map((r) => r.request.id)).toContain(requestId);

    const approve = await decideWithdrawal(db, { requestId, actorId: w.admin.id, decision: 'approve', comment: '' });
    expect(approve).toMatchObject({ ok: true, request: { decision: 'approved', decidedBy: w.admin.id } });
    expect(await status(u.id)).toBe('withdrawn');
    expect(await approvedTotal()).toBe(counted - 7);
    expect((await auditFor(db, u.id)).map((a) => a.action)).toEqual([
      'progress.create', 'progress.approve', 'progress.withdrawal_requested', 'progress.withdraw', 'progress.withdrawal_approved',
    ]);
    expect((await openWithdrawalRequests(db)).map((r) => r.request.id)).not.toContain(requestId);
  });

  it('the requester cannot decide their own request, even as an admin', async () => {
    const u = await approved();
    const asked = await requestWithdrawal(db, { updateId: u.id, version: u.version, actorId: w.admin.id, reason: 'Wrong city' });
    const requestId = asked.ok ? asked.request.id : 0;
    const before = await snapshot(db);
    expect(await decideWithdrawal(db, { requestId, actorId: w.admin.id, decision: 'approve', comment: '' })).toMatchObject({
      ok: false,
      errors: { form: [{ key: 'updates.withdrawal.ownRequest' }] },
    });
    expect(await status(u.id)).toBe('approved');
    expect(await snapshot(db)).toEqual(before);
    expect(await decideWithdrawal(db, { requestId, actorId: secondAdmin.id, decision: 'approve', comment: '' })).toMatchObject({ ok: true });
    expect(await status(u.id)).toBe('withdrawn');
  });

  it('a refusal needs a comment, keeps the update counted and is audited', async () => {
    const u = await approved();
    const asked = await requestWithdrawal(db, { updateId: u.id, version: u.version, actorId: w.staff.id, reason: 'Looks high' });
    const requestId = asked.ok ? asked.request.id : 0;
    expect(await decideWithdrawal(db, { requestId, actorId: w.admin.id, decision: 'refuse', comment: ' ' })).toMatchObject({ ok: false, error: 'invalid' });
    const refused = await decideWithdrawal(db, { requestId, actorId: w.admin.id, decision: 'refuse', comment: 'Evidence checks out' });
    expect(refused).toMatchObject({ ok: true, request: { decision: 'refused', decisionComment: 'Evidence checks out' } });
    expect(await status(u.id)).toBe('approved');
    expect((await auditFor(db, u.id)).map((a) => a.action).slice(-2)).toEqual(['progress.withdrawal_requested', 'progress.withdrawal_refused']);
    // Decided once: a second decision is refused; a new request may be made.
    expect(await decideWithdrawal(db, { requestId, actorId: secondAdmin.id, decision: 'approve', comment: '' })).toMatchObject({ ok: false });
    expect(await requestWithdrawal(db, { updateId: u.id, version: u.version, actorId: w.staff.id, reason: 'New facts' })).toMatchObject({ ok: true });
    expect(await db.select().from(withdrawalRequests).where(eq(withdrawalRequests.updateId, u.id))).toHaveLength(2);
  });

  it('needs a reason, and only an approved update can be asked for', async () => {
    const u = await approved();
    expect(await requestWithdrawal(db, { updateId: u.id, version: u.version, actorId: w.staff.id, reason: '  ' })).toMatchObject({ ok: false, errors: { reason: expect.any(Array) } });
    const draft = await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', period: '2020-Q1', figures: { value: '3' }, status: 'draft', confirmed: true }));
    if (!draft.ok) throw new Error('draft');
    expect(await requestWithdrawal(db, { updateId: draft.update.id, version: 1, actorId: w.staff.id, reason: 'x' })).toMatchObject({ ok: false, error: 'invalid' });
  });
});
