import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { reopenPeriod, setCycle, setWindow } from '@/db/queries/cycle/window-admin';
import { correctUpdate, submitUpdate } from '@/db/queries/updates/changes';
import { createUpdate } from '@/db/queries/updates/create';
import { importChunk } from '@/db/queries/updates/import';
import { appSettings, auditLog, progressUpdates } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { newInput, seedUpdatesWorld, snapshot, type World } from './updates-support';

let handle: DbHandle;
let db: Db;
let w: World;

async function setToday(date: string) {
  await db.insert(appSettings).values({ key: 'as_of_date', value: date }).onConflictDoUpdate({ target: appSettings.key, set: { value: date } });
}

const keys = (r: { ok: boolean; errors?: Record<string, { key: string }[] | undefined> }) =>
  r.ok ? [] : Object.values(r.errors ?? {}).flat().map((p) => p!.key);

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  w = await seedUpdatesWorld(db);
  await setCycle(db, { planId: w.plan.id, enforced: true, reminderDays: 7, actorId: w.admin.id });
});

afterAll(async () => {
  await handle?.close();
});

beforeEach(async () => {
  await setToday('2020-05-10');
});

describe(`submission windows on ${driverUnderTest}`, () => {
  it('refuses entry before the period opens, with the opening date, and writes nothing', async () => {
    const before = await snapshot(db);
    const result = await createUpdate(db, newInput(w, { period: '2020-Q3' }));
    expect(keys(result as never)).toEqual(['updates.validation.windowNotOpen']);
    expect(!result.ok && result.errors.period?.[0]?.values).toEqual({ opens: '2020-07-01' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('accepts entry in an open window, not late', async () => {
    const result = await createUpdate(db, newInput(w, { period: '2020-Q2' }));
    expect(result.ok && result.update.late).toBe(false);
  });

  it('marks an update entered after the due date late, and a draft submitted after it late', async () => {
    await setToday('2020-04-20'); // Q1 ended 03-31: due 04-15, closes 05-30
    const late = await createUpdate(db, newInput(w, { period: '2020-Q1', place: { cityId: w.cities[1]!.id } }));
    expect(late.ok && late.update.late).toBe(true);
    await setToday('2020-04-10');
    const draft = await createUpdate(db, newInput(w, { period: '2020-Q1', status: 'draft', place: { cityId: w.cities[2]!.id } }));
    expect(draft.ok && draft.update.late).toBe(false);
    await setToday('2020-04-25');
    const submitted = await submitUpdate(db, { updateId: draft.ok ? draft.update.id : 0, version: 1, actorId: w.staff.id });
    expect(submitted.ok && submitted.update.late).toBe(true);
  });

  it('locks the period after it closes, for new updates and corrections, until an admin reopens it', async () => {
    await setToday('2020-05-20');
    const stored = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', period: '2020-Q1', place: {} }));
    expect(stored.ok).toBe(true);
    await setToday('2020-06-01'); // Q1 closed 05-30
    const refused = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', period: '2020-Q1', place: { cityId: w.cities[0]!.id } }));
    expect(keys(refused as never)).toEqual(['updates.validation.windowClosed']);
    const id = stored.ok ? stored.update.id : 0;
    const correction = await correctUpdate(db, { updateId: id, version: 1, actorId: w.staff.id, figures: { value: '9' }, note: '', evidenceUrl: '', reason: 'typo' });
    expect(correction.ok).toBe(false);
    expect(!correction.ok && correction.error === 'invalid' && correction.errors.period?.[0]?.key).toBe('updates.validation.windowClosed');

    // Reopened for another indicator: still closed for this one.
    expect(await reopenPeriod(db, { planId: w.plan.id, indicatorId: w.cumulative.id, periodEnd: '2020-03-31', until: '2020-06-10', reason: 'Late partner data', actorId: w.admin.id })).toEqual({ ok: true });
    const stillRefused = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', period: '2020-Q1', place: { cityId: w.cities[0]!.id } }));
    expect(stillRefused.ok).toBe(false);
    // Reopened for the whole plan: accepted, and late.
    expect(await reopenPeriod(db, { planId: w.plan.id, indicatorId: null, periodEnd: '2020-03-31', until: '2020-06-10', reason: 'Committee asked', actorId: w.admin.id })).toEqual({ ok: true });
    const reopened = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', period: '2020-Q1', place: { cityId: w.cities[0]!.id } }));
    expect(reopened.ok && reopened.update.late).toBe(true);
    // After the reopening's last day it is closed again.
    await setToday('2020-06-11');
    const again = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', period: '2020-Q1', place: { cityId: w.cities[1]!.id } }));
    expect(keys(again as never)).toEqual(['updates.validation.windowClosed']);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'window.reopen'));
    expect(audits.map((a) => (a.after as { reason: string }).reason)).toEqual(['Late partner data', 'Committee asked']);
  });

  it("reports a window's refusals in the import's check-only mode as the import does, writing nothing", async () => {
    await setToday('2020-05-10');
    const row = (n: number, period: string) => ({
      row: n,
      key: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      cells: { indicator_code: 'G1.2', period, value: '3', status: 'submitted' },
    });
    const rows = [row(2, '2020-Q2'), row(3, '2020-Q3')]; // Q2 open; Q3 opens 07-01
    const before = await snapshot(db);
    const checked = await importChunk(db, { planId: w.plan.id, rows, mode: 'check', actorId: w.staff.id });
    expect(await snapshot(db)).toEqual(before);
    expect(checked).toMatchObject({ checked: 2, good: 1, imported: 0 });
    expect(checked.bad.map((b) => `${b.row}:${b.column}:${b.problem.key}`)).toEqual(['3:period:updates.validation.windowNotOpen']);
    const imported = await importChunk(db, { planId: w.plan.id, rows, mode: 'import', actorId: w.staff.id });
    expect(imported).toMatchObject({ good: 1, imported: 1 });
    expect(imported.bad.map((b) => `${b.row}:${b.problem.key}`)).toEqual(['3:updates.validation.windowNotOpen']);
  });

  it('requires a reason to reopen, and a date not already past', async () => {
    const before = await snapshot(db);
    expect(await reopenPeriod(db, { planId: w.plan.id, indicatorId: null, periodEnd: '2020-03-31', until: '2020-06-10', reason: '  ', actorId: w.admin.id })).toEqual({ ok: false, errors: { reason: 'reasonRequired' } });
    expect(await reopenPeriod(db, { planId: w.plan.id, indicatorId: null, periodEnd: '2020-03-31', until: '2020-05-01', reason: 'x', actorId: w.admin.id })).toEqual({ ok: false, errors: { until: 'untilPast' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it("uses an admin's dates for a period instead of the default", async () => {
    const bad = await setWindow(db, { planId: w.plan.id, frequency: 'quarterly', period: { start: '2020-07-01', end: '2020-09-30' }, window: { opensOn: '2020-05-01', dueOn: '2020-04-01', closesOn: '2020-11-01' }, actorId: w.admin.id });
    expect(bad).toEqual({ ok: false, errors: { dueOn: 'dueBeforeOpen' } });
    const good = await setWindow(db, { planId: w.plan.id, frequency: 'quarterly', period: { start: '2020-07-01', end: '2020-09-30' }, window: { opensOn: '2020-05-01', dueOn: '2020-10-15', closesOn: '2020-11-01' }, actorId: w.admin.id });
    expect(good).toEqual({ ok: true });
    // (Q2 of this series is empty: the gap is flagged, and confirmed with a note.)
    const early = await createUpdate(db, newInput(w, { period: '2020-Q3', place: { cityId: w.cities[2]!.id }, confirmed: true, note: 'Q2 follows' }));
    expect(early.ok).toBe(true);
  });

  it('enforces nothing while the plan’s windows are off', async () => {
    await setCycle(db, { planId: w.plan.id, enforced: false, reminderDays: 7, actorId: w.admin.id });
    await setToday('2026-01-01');
    const result = await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', period: '2020-Q1', place: {}, figures: { value: '10' } }));
    expect(result.ok && result.update.late).toBe(false);
    await setCycle(db, { planId: w.plan.id, enforced: true, reminderDays: 7, actorId: w.admin.id });
    const rows = await db.select({ late: progressUpdates.late }).from(progressUpdates);
    expect(rows.some((r) => r.late)).toBe(true);
  });
});
