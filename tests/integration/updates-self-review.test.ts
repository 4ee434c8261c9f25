import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { correctUpdate, reviewUpdate } from '@/db/queries/updates/changes';
import { createUpdate } from '@/db/queries/updates/create';
import { progressUpdates, users } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { newInput, seedUpdatesWorld, snapshot, type World } from './updates-support';

// A second person checks every counted figure: the reporter and the last editor of an update may not approve
// or return it, whatever their role.

let handle: DbHandle;
let db: Db;
let w: World;
let secondAdmin: typeof users.$inferSelect;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  w = await seedUpdatesWorld(db);
  [secondAdmin] = (await db.insert(users).values({ email: `admin2-${randomUUID()}@t.org`, name: 'Ava Admin', role: 'admin' }).returning()) as [typeof users.$inferSelect];
});

afterAll(async () => {
  await handle?.close();
});

async function submitted(actorId: string, period: string) {
  const created = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', period, figures: { value: '4' }, confirmed: true, actorId }));
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.update;
}

const ownReview = { ok: false, error: 'invalid', errors: { form: [{ key: 'updates.errors.ownReview' }] } };

describe(`no self-review on ${driverUnderTest}`, () => {
  it('an admin cannot approve or return an update they reported; another admin can', async () => {
    const u = await submitted(w.admin.id, '2020-Q1');
    const before = await snapshot(db);
    expect(await reviewUpdate(db, { updateId: u.id, version: 1, actorId: w.admin.id, actorRole: 'admin', decision: 'approve', comment: '' })).toMatchObject(ownReview);
    expect(await reviewUpdate(db, { updateId: u.id, version: 1, actorId: w.admin.id, actorRole: 'admin', decision: 'return', comment: 'mine' })).toMatchObject(ownReview);
    expect(await snapshot(db)).toEqual(before);
    const approved = await reviewUpdate(db, { updateId: u.id, version: 1, actorId: secondAdmin.id, actorRole: 'admin', decision: 'approve', comment: '' });
    expect(approved.ok && approved.update).toMatchObject({ status: 'approved', reviewedBy: secondAdmin.id, reportedBy: w.admin.id });
  });

  it('the last editor cannot approve the figures they changed', async () => {
    const u = await submitted(w.staff.id, '2020-Q2');
    // Ten times Q1's figure: flagged, so the correction says why in its note.
    const corrected = await correctUpdate(db, { updateId: u.id, version: 1, actorId: w.admin.id, figures: { value: '40' }, note: 'Both sites counted', evidenceUrl: '', reason: 'Recount' });
    expect(corrected.ok).toBe(true);
    expect(await reviewUpdate(db, { updateId: u.id, version: 2, actorId: w.admin.id, actorRole: 'admin', decision: 'approve', comment: '' })).toMatchObject(ownReview);
    const [row] = await db.select().from(progressUpdates).where(eq(progressUpdates.id, u.id));
    expect(row!.status).toBe('submitted');
    expect(await reviewUpdate(db, { updateId: u.id, version: 2, actorId: secondAdmin.id, actorRole: 'admin', decision: 'approve', comment: '' })).toMatchObject({ ok: true });
  });
});
