import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, useDatabaseHandle, type DbHandle } from '@/db';
import type { Db } from '@/db/client';
import { createUpdate } from '@/db/queries/updates/create';
import { previewFlags } from '@/db/queries/updates/flag-preview';
import { indicators, progressUpdates, users } from '@/db/schema';
import { previewFlagsAction } from '@/app/(dashboard)/updates/new/actions';
import { previewCorrectionFlagsAction } from '@/app/(dashboard)/updates/[id]/actions';
import { correctUpdate } from '@/db/queries/updates/changes';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { digestOf, signInAs, signOut } from '../support/action-request';
import { newInput, seedUpdatesWorld, snapshot, type World } from './updates-support';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);

// The log form's live data-quality flags: the value being typed is judged by the same checks and flags as the
// submit, for those who may log progress only, and nothing is ever written.

let handle: DbHandle;
let db: Db;
let w: World;
let committeeId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseHandle(handle);
  db = handle.db;
  w = await seedUpdatesWorld(db);
  const [committee] = await db.insert(users).values({ email: 'committee@t.org', name: 'Cleo Committee', role: 'committee' }).returning();
  committeeId = committee!.id;
  const place = { cityId: w.cities[0]!.id };
  for (const [period, value] of [['2020-Q1', '100'], ['2020-Q2', '110']] as const) {
    const r = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place, period, figures: { value } }));
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
});

afterAll(async () => {
  await closeDb();
});

beforeEach(() => signOut());

/** What the form sends as the value is typed. */
const typed = (value: string, over: Record<string, unknown> = {}) => ({
  plan: 2020,
  indicator: 'G1.2',
  period: '2020-Q3',
  cityId: String(w.cities[0]!.id),
  clusterId: '',
  partnerId: '',
  value,
  numerator: '',
  denominator: '',
  milestone: '',
  ...over,
});

describe(`the log form's live flags on ${driverUnderTest}`, () => {
  it('answers the flags of an outlying value, in words, and none for one in line; nothing is written', async () => {
    signInAs({ id: w.staff.id, role: 'staff' });
    const before = await snapshot(db);
    const far = await previewFlagsAction(typed('1100'));
    expect(far).toEqual({ ok: true, flags: ['This value is far from the recent values of this series (about 105).'] });
    expect(await previewFlagsAction(typed('120'))).toEqual({ ok: true, flags: [] });
    // The same value again for a period is flagged as the submit flags it.
    expect(await previewFlagsAction(typed('110', { period: '2020-Q2' }))).toMatchObject({ ok: true, flags: [expect.stringContaining('may be a duplicate')] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('judges as the submit does: the db function gives the flags createUpdate would ask a note for', async () => {
    const input = newInput(w, { indicatorCode: 'G1.2', place: { cityId: w.cities[0]!.id }, period: '2020-Q3', figures: { value: '1100' } });
    const before = await snapshot(db);
    const preview = await previewFlags(db, input);
    const submit = await createUpdate(db, input);
    expect(submit.ok).toBe(false);
    expect(preview).toEqual({ ok: true, flags: !submit.ok ? submit.warnings : [] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a committee member and a signed-out caller before reading anything', async () => {
    signInAs({ id: committeeId, role: 'committee' });
    await expect(previewFlagsAction(typed('1100'))).rejects.toSatisfy((e) => digestOf(e).endsWith(';403'));
    signOut();
    await expect(previewFlagsAction(typed('1100'))).rejects.toSatisfy((e) => digestOf(e).endsWith(';401'));
  });

  it('has no flags for what nobody may log or what is not a value: a derived indicator, an unparsable figure, bad input', async () => {
    signInAs({ id: w.staff.id, role: 'staff' });
    const before = await snapshot(db);
    await db.update(indicators).set({ source: 'derived', derivedKey: 'cities_engaged' }).where(eq(indicators.id, w.currency.id));
    try {
      const derived = await previewFlagsAction(typed('5000', { indicator: 'G1.5', cityId: '' }));
      expect(derived).toMatchObject({ ok: false, errors: { indicator: [expect.stringContaining('G1.5')] } });
    } finally {
      await db.update(indicators).set({ source: 'manual', derivedKey: null }).where(eq(indicators.id, w.currency.id));
    }
    expect(await previewFlagsAction(typed('-3'))).toMatchObject({ ok: false, errors: { value: [expect.any(String)] } });
    expect(await previewFlagsAction(typed('1100', { indicator: 'x'.repeat(500) }))).toMatchObject({ ok: false });
    expect(await previewFlagsAction('not an object')).toMatchObject({ ok: false });
    expect(await previewFlagsAction(typed('1100', { cityId: 'abc' }))).toMatchObject({ ok: false, errors: { cityId: [expect.any(String)] } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('flags a correction as it is typed, as the correction will judge it, for those who may correct only; nothing is written', async () => {
    const q2 = (await db.select().from(progressUpdates).where(eq(progressUpdates.indicatorId, w.flow.id))).find((u) => u.periodEnd === '2020-06-30')!;
    const figures = (value: string) => ({ updateId: q2.id, value, numerator: '', denominator: '', milestone: '' });
    signInAs({ id: w.staff.id, role: 'staff' });
    const before = await snapshot(db);
    // Judged against the rest of its series (Q1's 100), not against its own stored 110.
    expect(await previewCorrectionFlagsAction(figures('1500'))).toEqual({ ok: true, flags: ['This value is far from the recent values of this series (about 100).'] });
    expect(await previewCorrectionFlagsAction(figures('95'))).toEqual({ ok: true, flags: [] });
    expect(await previewCorrectionFlagsAction(figures('abc'))).toMatchObject({ ok: false, errors: { value: [expect.any(String)] } });
    expect(await previewCorrectionFlagsAction({ ...figures('1500'), updateId: 999999 })).toMatchObject({ ok: false });
    expect(await snapshot(db)).toEqual(before);
    const refused = await correctUpdate(db, { updateId: q2.id, version: q2.version, actorId: w.staff.id, figures: { value: '1500' }, note: '', evidenceUrl: '', reason: 'x' });
    expect(!refused.ok && refused.error === 'invalid' && refused.warnings?.map((p) => p.key)).toEqual(['updates.quality.farFromRecent']);
    signInAs({ id: committeeId, role: 'committee' });
    await expect(previewCorrectionFlagsAction(figures('1500'))).rejects.toSatisfy((e) => digestOf(e).endsWith(';403'));
    expect(await snapshot(db)).toEqual(before);
  });
});
