import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { correctUpdate, reviewUpdate, submitUpdate, withdrawUpdate } from '@/db/queries/updates/changes';
import { createUpdate } from '@/db/queries/updates/create';
import { countIndicatorUpdates, indicatorUpdates } from '@/db/queries/updates/history';
import { myReporting } from '@/db/queries/updates/lists';
import { listLocks, lockPeriod, unlockPeriod } from '@/db/queries/updates/locks';
import { indicators, progressUpdates, progressUpdateVersions } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { auditFor, newInput, seedUpdatesWorld, snapshot, type World } from './updates-support';

let handle: DbHandle;
let db: Db;
let w: World;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  w = await seedUpdatesWorld(db);
});

afterAll(async () => {
  await handle?.close();
});

/** A fresh update in its own series (a partner-free count indicator, distinct city × period). */
async function logged(status: 'draft' | 'submitted' = 'submitted', value = '5') {
  const periods = ['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'];
  const i = n++;
  const result = await createUpdate(
    db,
    newInput(w, { indicatorCode: 'G1.2', period: periods[i % 4]!, place: { cityId: w.cities[Math.floor(i / 4) % 3]!.id }, figures: { value }, status, confirmed: true }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.update;
}

const by = (id: string) => ({ actorId: id });

describe(`corrections, review and locks on ${driverUnderTest}`, () => {
  it('corrects with a reason: new version, old one kept, audit row, history readable', async () => {
    const u = await logged();
    const result = await correctUpdate(db, { updateId: u.id, version: 1, ...by(w.staff.id), figures: { value: '6' }, note: 'recount', evidenceUrl: '', reason: 'Typo' });
    expect(result.ok && result.update).toMatchObject({ value: 6, version: 2, note: 'recount' });
    const versions = await db.select().from(progressUpdateVersions).where(eq(progressUpdateVersions.updateId, u.id));
    expect(versions).toEqual([expect.objectContaining({ version: 1, value: 5, reason: 'Typo', changedBy: w.staff.id })]);
    expect((await auditFor(db, u.id)).map((a) => a.action)).toEqual(['progress.create', 'progress.correct']);
    const listed = (await indicatorUpdates(db, w.flow.id)).find((x) => x.update.id === u.id)!;
    expect(listed.history).toEqual([expect.objectContaining({ from: 5, to: 6, reason: 'Typo', byName: 'Sam Staff' })]);
  });

  it('pages an indicator\'s updates newest period first, every update on exactly one page', async () => {
    await logged();
    await logged();
    const total = await countIndicatorUpdates(db, w.flow.id);
    expect(total).toBeGreaterThanOrEqual(2);
    const all = await indicatorUpdates(db, w.flow.id, { limit: total, offset: 0 });
    const pages = [];
    for (let offset = 0; offset < total; offset += 1) pages.push(...(await indicatorUpdates(db, w.flow.id, { limit: 1, offset })));
    expect(pages.map((x) => x.update.id)).toEqual(all.map((x) => x.update.id));
    expect(new Set(pages.map((x) => x.update.id)).size).toBe(total);
    const ends = all.map((x) => x.update.periodEnd);
    expect(ends).toEqual([...ends].sort().reverse());
  });

  it('refuses a bad correction and writes nothing', async () => {
    const u = await logged();
    const before = await snapshot(db);
    const bad = await correctUpdate(db, { updateId: u.id, version: 1, ...by(w.staff.id), figures: { value: '-3' }, note: '', evidenceUrl: '', reason: 'x' });
    expect(bad).toMatchObject({ ok: false, error: 'invalid' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('two concurrent stale edits: one succeeds, the other gets a conflict with the newer value', async () => {
    const u = await logged();
    const edit = (value: string) =>
      correctUpdate(db, { updateId: u.id, version: 1, ...by(w.staff.id), figures: { value }, note: '', evidenceUrl: '', reason: `to ${value}` });
    const results = await Promise.all([edit('11'), edit('12')]);
    const ok = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok && r.error === 'conflict');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const winner = ok[0]!.ok ? ok[0]!.update : undefined;
    const conflict = conflicts[0]!;
    expect(!conflict.ok && conflict.error === 'conflict' && conflict.current.value).toBe(winner!.value);
    const [row] = await db.select().from(progressUpdates).where(eq(progressUpdates.id, u.id));
    expect(row!.version).toBe(2);
  });

  it('allows only the defined review transitions', async () => {
    const draft = await logged('draft');
    const before = await snapshot(db);
    // A draft cannot be approved or returned.
    expect(await reviewUpdate(db, { updateId: draft.id, version: 1, ...by(w.admin.id), actorRole: 'admin', decision: 'approve', comment: '' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await snapshot(db)).toEqual(before);
    const submitted = await submitUpdate(db, { updateId: draft.id, version: 1, ...by(w.staff.id) });
    expect(submitted.ok && submitted.update.status).toBe('submitted');
    // Submitting twice is refused; returning needs a comment.
    expect(await submitUpdate(db, { updateId: draft.id, version: 2, ...by(w.staff.id) })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await reviewUpdate(db, { updateId: draft.id, version: 2, ...by(w.admin.id), actorRole: 'admin', decision: 'return', comment: ' ' })).toMatchObject({ ok: false, error: 'invalid' });
    const returned = await reviewUpdate(db, { updateId: draft.id, version: 2, ...by(w.admin.id), actorRole: 'admin', decision: 'return', comment: 'Wrong city' });
    expect(returned.ok && returned.update).toMatchObject({ status: 'returned', reviewComment: 'Wrong city', reviewedBy: w.admin.id });
    const resubmitted = await submitUpdate(db, { updateId: draft.id, version: 3, ...by(w.staff.id) });
    expect(resubmitted.ok && resubmitted.update.status).toBe('submitted');
    const approved = await reviewUpdate(db, { updateId: draft.id, version: 4, ...by(w.admin.id), actorRole: 'admin', decision: 'approve', comment: '' });
    expect(approved.ok && approved.update.status).toBe('approved');
    // An approved update cannot be approved or returned again, nor submitted.
    expect(await reviewUpdate(db, { updateId: draft.id, version: 5, ...by(w.admin.id), actorRole: 'admin', decision: 'return', comment: 'late' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await submitUpdate(db, { updateId: draft.id, version: 5, ...by(w.staff.id) })).toMatchObject({ ok: false, error: 'invalid' });
    expect((await auditFor(db, draft.id)).map((a) => a.action)).toEqual([
      'progress.create', 'progress.submit', 'progress.return', 'progress.submit', 'progress.approve',
    ]);
  });

  it('correcting an approved update sends it back for review', async () => {
    const u = await logged();
    await reviewUpdate(db, { updateId: u.id, version: 1, ...by(w.admin.id), actorRole: 'admin', decision: 'approve', comment: '' });
    const corrected = await correctUpdate(db, { updateId: u.id, version: 2, ...by(w.staff.id), figures: { value: '9' }, note: '', evidenceUrl: '', reason: 'Late data' });
    expect(corrected.ok && corrected.update.status).toBe('submitted');
  });

  it('withdraws with a reason, never deletes, and refuses further changes', async () => {
    const u = await logged();
    const withdrawn = await withdrawUpdate(db, { updateId: u.id, version: 1, ...by(w.staff.id), reason: 'Duplicate' });
    expect(withdrawn.ok && withdrawn.update.status).toBe('withdrawn');
    expect(await db.select().from(progressUpdates).where(eq(progressUpdates.id, u.id))).toHaveLength(1);
    expect(await withdrawUpdate(db, { updateId: u.id, version: 2, ...by(w.staff.id), reason: 'again' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await correctUpdate(db, { updateId: u.id, version: 2, ...by(w.staff.id), figures: { value: '1' }, note: '', evidenceUrl: '', reason: 'x' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await withdrawUpdate(db, { updateId: 987654, version: 1, ...by(w.staff.id), reason: 'x' })).toEqual({ ok: false, error: 'not_found' });
  });

  it('locks freeze a period for one indicator; unlocking is audited and lets changes through again', async () => {
    const u = await logged();
    const period = { periodStart: u.periodStart, periodEnd: u.periodEnd };
    const lock = await lockPeriod(db, { planId: w.plan.id, indicatorId: w.flow.id, ...period, actorId: w.admin.id });
    expect(lock).toMatchObject({ ok: true, created: true });
    expect(await lockPeriod(db, { planId: w.plan.id, indicatorId: w.flow.id, ...period, actorId: w.admin.id })).toMatchObject({ ok: true, created: false });
    const before = await snapshot(db);
    const refused = await correctUpdate(db, { updateId: u.id, version: 1, ...by(w.staff.id), figures: { value: '2' }, note: '', evidenceUrl: '', reason: 'x' });
    expect(refused.ok === false && refused.error === 'invalid' && refused.errors.period?.[0]?.values?.by).toBe('Ada Admin');
    expect(await snapshot(db)).toEqual(before);
    // Another indicator's same period is not locked.
    const other = await createUpdate(db, newInput(w, { indicatorCode: 'G1.1', period: u.periodEnd, place: {}, confirmed: true }));
    expect(other.ok).toBe(true);
    expect((await listLocks(db, w.plan.id, w.flow.id)).map((l) => l.id)).toContain(lock.ok && lock.lockId);
    expect(await unlockPeriod(db, { lockId: lock.ok ? lock.lockId : 0, actorId: w.admin.id })).toEqual({ ok: true });
    const audit = await auditFor(db, lock.ok ? lock.lockId : 0);
    expect(audit.filter((a) => a.entityType === 'period_lock').map((a) => a.action)).toEqual(['period.lock', 'period.unlock']);
    const now = await correctUpdate(db, { updateId: u.id, version: 1, ...by(w.staff.id), figures: { value: '2' }, note: '', evidenceUrl: '', reason: 'x' });
    expect(now.ok).toBe(true);
  });

  it('"My reporting" lists due and overdue periods of owned indicators and open drafts and returns', async () => {
    await db.update(indicators).set({ ownerId: w.other.id }).where(eq(indicators.id, w.milestone.id));
    const draft = await createUpdate(db, newInput(w, { indicatorCode: 'G1.4', place: {}, period: '2020-Q1', figures: { milestone: 'no' }, status: 'draft', actorId: w.other.id }));
    expect(draft.ok).toBe(true);
    const mine = await myReporting(db, { userId: w.other.id, planId: w.plan.id, asOf: '2020-08-15' });
    expect(mine.due.map((d) => d.periodKey)).toEqual(['2020-Q3']);
    expect(mine.overdue.map((d) => d.periodKey)).toEqual(['2020-Q2']);
    expect(mine.open.map((o) => o.status)).toEqual(['draft']);
  });
});
