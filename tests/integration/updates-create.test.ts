import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createUpdate } from '@/db/queries/updates/create';
import { lockPeriod } from '@/db/queries/updates/locks';
import { auditView } from '@/db/queries/updates/types';
import { cities, indicators, progressUpdates } from '@/db/schema';
import { newUpdateSchema } from '@/lib/validation/updates';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { auditFor, newInput, seedUpdatesWorld, snapshot, type World } from './updates-support';

let handle: DbHandle;
let db: Db;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  w = await seedUpdatesWorld(db);
});

afterAll(async () => {
  await handle?.close();
});

const keysOf = (result: Awaited<ReturnType<typeof createUpdate>>) =>
  result.ok ? [] : [...Object.values(result.errors).flat().map((p) => p!.key), ...result.warnings.map((p) => p.key)];

describe(`logging progress on ${driverUnderTest}`, () => {
  it('stores a good update with its audit row', async () => {
    const result = await createUpdate(db, newInput(w, { note: 'Signed in April', evidenceUrl: 'https://example.org/a' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.created).toBe(true);
    expect(result.update).toMatchObject({ value: 5, periodStart: '2020-04-01', periodEnd: '2020-06-30', status: 'submitted', version: 1 });
    const audit = await auditFor(db, result.update.id);
    expect(audit.map((a) => a.action)).toEqual(['progress.create']);
    expect(audit[0]!.actorId).toBe(w.staff.id);
    expect(audit[0]!.after).toMatchObject({ value: 5, status: 'submitted' });
  });

  it('stores each value kind: currency, milestone, percent (numerator and denominator)', async () => {
    const c = await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', place: {}, figures: { value: '1250.50' }, status: 'draft' }));
    const m = await createUpdate(db, newInput(w, { indicatorCode: 'G1.4', place: {}, figures: { milestone: 'yes' } }));
    const p = await createUpdate(db, newInput(w, { indicatorCode: 'g1.3', place: {}, figures: { numerator: '3', denominator: '4' } }));
    expect(c.ok && c.update.value).toBe(1250.5);
    expect(c.ok && c.update.status).toBe('draft');
    expect(m.ok && m.update.value).toBe(1);
    expect(p.ok && [p.update.value, p.update.numerator, p.update.denominator]).toEqual([null, 3, 4]);
  });

  it.each([
    ['unknown indicator', { indicatorCode: 'G9.9' }, 'updates.validation.indicatorUnknown'],
    ['period outside the plan', { period: '2021-Q1' }, 'updates.validation.periodOutsidePlan'],
    ['negative count', { figures: { value: '-1' } }, 'updates.validation.negative'],
    ['non-numeric value', { figures: { value: '1,000' } }, 'updates.validation.notNumber'],
    ['absurdly large value', { figures: { value: '1e15' } }, 'updates.validation.tooLarge'],
    ['missing value', { figures: { value: '' } }, 'updates.validation.valueRequired'],
    ['fractional count', { figures: { value: '2.5' } }, 'updates.validation.notWhole'],
    ['disallowed disaggregation', { place: { partnerId: 1 } }, 'updates.validation.disaggregationNotAllowed'],
    ['unknown city', { place: { cityId: 999999 } }, 'updates.validation.choiceInvalid'],
    ['numerator above denominator', { indicatorCode: 'G1.3', place: {}, figures: { numerator: '5', denominator: '4' } }, 'updates.validation.numeratorAboveDenominator'],
    ['zero denominator', { indicatorCode: 'G1.3', place: {}, figures: { numerator: '0', denominator: '0' } }, 'updates.validation.denominatorPositive'],
    ['milestone without an answer', { indicatorCode: 'G1.4', place: {}, figures: { milestone: 'maybe' } }, 'updates.validation.milestoneRequired'],
  ])('refuses %s and writes nothing', async (_name, over, key) => {
    const before = await snapshot(db);
    const result = await createUpdate(db, newInput(w, over as never));
    expect(result.ok).toBe(false);
    expect(keysOf(result)).toContain(key);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a derived indicator', async () => {
    await db.update(indicators).set({ source: 'derived', derivedKey: 'cities_engaged' }).where(eq(indicators.id, w.currency.id));
    const result = await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', place: {} }));
    expect(keysOf(result)).toContain('updates.validation.indicatorDerived');
    await db.update(indicators).set({ source: 'manual', derivedKey: null }).where(eq(indicators.id, w.currency.id));
  });

  it('validates text fields in the form schema: over-long note, non-http evidence, bad key', () => {
    const parsed = newUpdateSchema.safeParse({
      indicator: 'G1.1',
      period: '2020-Q2',
      note: 'x'.repeat(2001),
      evidenceUrl: 'javascript:alert(1)',
      idempotencyKey: 'nope',
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining(['updates.validation.noteTooLong', 'updates.validation.urlInvalid', 'updates.validation.formExpired']),
    );
  });

  it('refuses a locked period, saying who locked it and when, and writes nothing', async () => {
    const lock = await lockPeriod(db, { planId: w.plan.id, indicatorId: null, periodStart: '2020-01-01', periodEnd: '2020-03-31', actorId: w.admin.id });
    expect(lock.ok).toBe(true);
    const before = await snapshot(db);
    const result = await createUpdate(db, newInput(w, { period: '2020-02-15' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.period?.[0]).toMatchObject({ key: 'updates.validation.periodLocked', values: { by: 'Ada Admin' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('flags a running total that drops or jumps tenfold, and stores it once confirmed with a note', async () => {
    const cityId = w.cities[1]!.id;
    expect((await createUpdate(db, newInput(w, { period: '2020-Q2', place: { cityId }, figures: { value: '10' } }))).ok).toBe(true);
    const before = await snapshot(db);
    const lower = await createUpdate(db, newInput(w, { period: '2020-Q3', place: { cityId }, figures: { value: '8' } }));
    expect(keysOf(lower)).toEqual(['updates.quality.lowerThanLast']);
    const jump = await createUpdate(db, newInput(w, { period: '2020-Q3', place: { cityId }, figures: { value: '101' } }));
    expect(keysOf(jump)).toEqual(['updates.quality.farFromRecent']);
    // Confirming is not enough: the flag asks for a note saying why the value holds.
    const noNote = await createUpdate(db, newInput(w, { period: '2020-Q3', place: { cityId }, figures: { value: '8' }, confirmed: true, note: '  ' }));
    expect(!noNote.ok && noNote.errors.note?.map((p) => p.key)).toEqual(['updates.quality.noteRequired']);
    expect(await snapshot(db)).toEqual(before);
    const confirmed = await createUpdate(db, newInput(w, { period: '2020-Q3', place: { cityId }, figures: { value: '8' }, confirmed: true, note: 'Two partnerships lapsed' }));
    expect(confirmed.ok).toBe(true);
  });

  it('stores one row for 20 concurrent submits with one idempotency key', async () => {
    const input = newInput(w, { period: '2020-Q4', place: { cityId: w.cities[2]!.id }, figures: { value: '7' } });
    const before = await snapshot(db);
    const results = await Promise.all(Array.from({ length: 20 }, () => createUpdate(db, { ...input })));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.update.id : 0)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    const rows = await db.select().from(progressUpdates).where(eq(progressUpdates.idempotencyKey, input.idempotencyKey));
    expect(rows).toHaveLength(1);
    const after = await snapshot(db);
    expect(after.updates - before.updates).toBe(1);
    expect(after.audit - before.audit).toBe(1);
  });

  it('replays a retried request even when its checks would now refuse it', async () => {
    const input = newInput(w, { indicatorCode: 'G1.2', place: {}, period: '2020-Q4', figures: { value: '3' }, idempotencyKey: randomUUID() });
    const first = await createUpdate(db, input);
    const again = await createUpdate(db, input); // a second Q4 update would warn "same period"
    expect(again.ok && first.ok && again.update.id === first.update.id && !again.created).toBe(true);
  });

  it('writes the audit row from the stored row: the same view as auditView, for each value kind', async () => {
    const results = [
      await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', place: {}, period: '2020-Q3', figures: { value: '1250.50' }, note: 'Paid', evidenceUrl: 'https://example.org/p', status: 'draft', confirmed: true })),
      await createUpdate(db, newInput(w, { indicatorCode: 'G1.3', place: {}, period: '2020-Q3', figures: { numerator: '3', denominator: '8' }, note: 'Checked', confirmed: true })),
      await createUpdate(db, newInput(w, { indicatorCode: 'G1.4', place: {}, period: '2020-Q3', figures: { milestone: 'no' }, note: 'Checked', confirmed: true })),
    ];
    for (const result of results) {
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const audit = await auditFor(db, result.update.id);
      expect(audit.map((a) => [a.action, a.entityType, a.actorId, a.before])).toEqual([['progress.create', 'progress_update', w.staff.id, null]]);
      expect(audit[0]!.after).toEqual(auditView(result.update));
    }
  });

  it('refuses an archived city and writes nothing', async () => {
    const [city] = await db
      .insert(cities)
      .values({ name: 'Archived City', country: 'Testland', region: 'maritime', archivedAt: new Date() })
      .returning();
    const before = await snapshot(db);
    const result = await createUpdate(db, newInput(w, { place: { cityId: city!.id }, confirmed: true }));
    expect(keysOf(result)).toEqual(['updates.validation.choiceInvalid']);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a place id beyond 32 bits for a disaggregation the indicator does not allow, as any other', async () => {
    const before = await snapshot(db);
    const result = await createUpdate(db, newInput(w, { place: { cityId: w.cities[0]!.id, partnerId: 2 ** 40 } }));
    expect(keysOf(result)).toEqual(['updates.validation.disaggregationNotAllowed']);
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a period locked for this indicator, not for another indicator's lock", async () => {
    const lock = await lockPeriod(db, { planId: w.plan.id, indicatorId: w.flow.id, periodStart: '2020-07-01', periodEnd: '2020-09-30', actorId: w.admin.id });
    expect(lock.ok).toBe(true);
    const other = await createUpdate(db, newInput(w, { indicatorCode: 'G1.1', period: '2020-Q3', confirmed: true }));
    expect(other.ok).toBe(true);
    const before = await snapshot(db);
    const locked = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place: {}, period: '2020-08-15', confirmed: true }));
    expect(locked.ok).toBe(false);
    if (locked.ok) return;
    expect(locked.errors.period?.[0]).toMatchObject({ key: 'updates.validation.periodLocked', values: { by: 'Ada Admin' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('replays with the stored update and its indicator, whatever the retry names', async () => {
    const input = newInput(w, { indicatorCode: 'G1.2', place: {}, period: '2020-Q2', figures: { value: '4' }, confirmed: true });
    const first = await createUpdate(db, input);
    const again = await createUpdate(db, { ...input, indicatorCode: 'G9.9', figures: { value: 'nonsense' } });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again).toMatchObject({ created: false, update: first.update, indicator: { id: w.flow.id, code: 'G1.2' } });
  });
});
