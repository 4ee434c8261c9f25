import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { correctUpdate, withdrawUpdate } from '@/db/queries/updates/changes';
import { createUpdate, type NewUpdateInput } from '@/db/queries/updates/create';
import { listUpdates } from '@/db/queries/updates/lists';
import { storedUpdateFlags } from '@/db/queries/updates/quality';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { newInput, seedUpdatesWorld, snapshot, type World } from './updates-support';

// Each data-quality flag on entry and in the review queue, computed by lib/quality/flags.ts from one query. A flag
// asks for a confirmation with a note; it never refuses the value.

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

const flagsOf = (r: Awaited<ReturnType<typeof createUpdate>>) => (r.ok ? [] : r.warnings.map((p) => p.key.replace('updates.quality.', '')));

/** Stores a value, confirming any flag with a note. */
async function stored(over: Partial<NewUpdateInput>) {
  const r = await createUpdate(db, newInput(w, { confirmed: true, note: 'checked', ...over }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.update;
}

describe(`data-quality flags on ${driverUnderTest}`, () => {
  it('a value far from the recent ones (a period count), and none for one in line with them', async () => {
    const place = { cityId: w.cities[0]!.id };
    await stored({ indicatorCode: 'G1.2', place, period: '2020-Q1', figures: { value: '10' } });
    await stored({ indicatorCode: 'G1.2', place, period: '2020-Q2', figures: { value: '12' } });
    const before = await snapshot(db);
    const far = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place, period: '2020-Q3', figures: { value: '50' } }));
    expect(flagsOf(far)).toEqual(['farFromRecent']);
    expect(!far.ok && far.warnings[0]!.values).toEqual({ recent: 11 });
    expect(flagsOf(await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place, period: '2020-Q3', figures: { value: '3' } })))).toEqual(['farFromRecent']);
    expect(await snapshot(db)).toEqual(before);
    // In line with the recent values: stored at once, no confirmation and no note needed.
    const fine = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place, period: '2020-Q3', figures: { value: '14' } }));
    expect(fine.ok).toBe(true);
  });

  it('a possible duplicate is the same value for the same period and place; a withdrawn one does not count', async () => {
    const place = { cityId: w.cities[1]!.id };
    const first = await stored({ indicatorCode: 'G1.5', place: {}, period: '2020-Q1', figures: { value: '500' } });
    expect(flagsOf(await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', place: {}, period: '2020-Q1', figures: { value: '500' } })))).toEqual(['duplicate']);
    expect((await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', place: {}, period: '2020-Q1', figures: { value: '501' } }))).ok).toBe(true);
    // The same value elsewhere (another place) is no duplicate.
    expect(flagsOf(await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', place, period: '2020-Q1', figures: { value: '500' } })))).toEqual([]);
    expect((await withdrawUpdate(db, { updateId: first.id, version: 1, actorId: w.staff.id, reason: 'typo' })).ok).toBe(true);
    expect((await createUpdate(db, newInput(w, { indicatorCode: 'G1.5', place: {}, period: '2020-Q1', figures: { value: '500' } }))).ok).toBe(true);
  });

  it('a gap: an earlier period of the series with nothing reported since it began', async () => {
    const place = { cityId: w.cities[2]!.id };
    await stored({ indicatorCode: 'G1.2', place, period: '2020-Q1', figures: { value: '10' } });
    const gap = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place, period: '2020-Q4', figures: { value: '10' } }));
    expect(flagsOf(gap)).toEqual(['gap']);
    expect(!gap.ok && gap.warnings[0]!.values).toEqual({ periods: '2020-Q2, 2020-Q3' });
    // A series' first report is no gap, whichever period it is for.
    expect(flagsOf(await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place: {}, period: '2020-Q3', figures: { value: '10' } })))).toEqual([]);
  });

  it('a running total lower than the last, and a percentage far from its recent mean', async () => {
    const place = { cityId: w.cities[0]!.id };
    await stored({ indicatorCode: 'G1.1', place, period: '2020-Q1', figures: { value: '20' } });
    expect(flagsOf(await createUpdate(db, newInput(w, { indicatorCode: 'G1.1', place, period: '2020-Q2', figures: { value: '19' } })))).toEqual(['lowerThanLast']);
    expect((await createUpdate(db, newInput(w, { indicatorCode: 'G1.1', place, period: '2020-Q2', figures: { value: '20' } }))).ok).toBe(true);
    await stored({ indicatorCode: 'G1.3', place, period: '2020-Q1', figures: { numerator: '4', denominator: '10' } });
    expect(flagsOf(await createUpdate(db, newInput(w, { indicatorCode: 'G1.3', place, period: '2020-Q2', figures: { numerator: '7', denominator: '10' } })))).toEqual(['farFromRecent']);
    expect((await createUpdate(db, newInput(w, { indicatorCode: 'G1.3', place, period: '2020-Q2', figures: { numerator: '6', denominator: '10' } }))).ok).toBe(true);
  });

  it('a confirmed flagged value needs a note; with one it is stored as entered, never refused', async () => {
    const place = { clusterId: null, cityId: w.cities[1]!.id };
    await stored({ indicatorCode: 'G1.2', place, period: '2020-Q1', figures: { value: '5' } });
    const before = await snapshot(db);
    const noNote = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place, period: '2020-Q2', figures: { value: '90' }, confirmed: true, note: '' }));
    expect(noNote.ok).toBe(false);
    expect(!noNote.ok && noNote.errors).toEqual({ note: [{ key: 'updates.quality.noteRequired' }] });
    expect(flagsOf(noNote)).toEqual(['farFromRecent']);
    expect(await snapshot(db)).toEqual(before);
    const withNote = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', place, period: '2020-Q2', figures: { value: '90' }, confirmed: true, note: 'A regional forum' }));
    expect(withNote.ok && [withNote.update.value, withNote.update.note]).toEqual([90, 'A regional forum']);
  });

  it('flags stored updates in the review queue, each judged against the rest of its series', async () => {
    const rows = await listUpdates(db, w.plan.id, { statuses: ['submitted'] });
    const flags = await storedUpdateFlags(db, w.plan, rows);
    const keyed = (code: string, period: string, value: number) => {
      const row = rows.find((r) => r.indicatorCode === code && r.periodEnd === period && r.value === value && r.cityId === w.cities[1]!.id);
      return (flags.get(row!.id) ?? []).map((p) => p.key.replace('updates.quality.', ''));
    };
    expect(keyed('G1.2', '2020-06-30', 90)).toEqual(['farFromRecent']);
    expect(keyed('G1.2', '2020-03-31', 5)).toEqual([]);
    // Two stored updates with the same value for a period and place flag each other.
    const a = await stored({ indicatorCode: 'G1.5', place: { cityId: w.cities[2]!.id }, period: '2020-Q2', figures: { value: '70' } });
    const b = await stored({ indicatorCode: 'G1.5', place: { cityId: w.cities[2]!.id }, period: '2020-Q2', figures: { value: '70' } });
    const again = await storedUpdateFlags(db, w.plan, await listUpdates(db, w.plan.id, { statuses: ['submitted'], indicator: 'G1.5' }));
    expect(again.get(a.id)?.map((p) => p.key)).toEqual(['updates.quality.duplicate']);
    expect(again.get(b.id)?.map((p) => p.key)).toEqual(['updates.quality.duplicate']);
  });

  it('a correction is flagged again by the same rule: without a note it is refused and nothing changes; with one it is saved', async () => {
    const place = { cityId: w.cities[2]!.id };
    await stored({ indicatorCode: 'G1.5', place, period: '2020-Q1', figures: { value: '1000' } });
    const q2 = await stored({ indicatorCode: 'G1.5', place, period: '2020-Q2', figures: { value: '1100' }, note: '' });
    const correct = (value: string, note: string) =>
      correctUpdate(db, { updateId: q2.id, version: q2.version, actorId: w.staff.id, figures: { value }, note, evidenceUrl: '', reason: 'invoice found' });
    const before = await snapshot(db);
    const refused = await correct('11000', '');
    expect(refused).toEqual({
      ok: false,
      error: 'invalid',
      errors: { note: [{ key: 'updates.quality.noteRequired' }] },
      warnings: [{ key: 'updates.quality.farFromRecent', values: { recent: 1000 } }],
    });
    expect(await snapshot(db)).toEqual(before);
    // Judged against the rest of its series, not against its own old figure: a figure in line needs no note.
    expect((await correct('1200', '')).ok).toBe(true);
    const again = await correctUpdate(db, { updateId: q2.id, version: q2.version + 1, actorId: w.staff.id, figures: { value: '11000' }, note: 'Two years of invoices', evidenceUrl: '', reason: 'invoice found' });
    expect(again.ok && [again.update.value, again.update.note]).toEqual([11000, 'Two years of invoices']);
    // The review queue judges the corrected figure.
    const rows = await listUpdates(db, w.plan.id, { statuses: ['submitted'], indicator: 'G1.5' });
    expect((await storedUpdateFlags(db, w.plan, rows)).get(q2.id)?.map((p) => p.key)).toEqual(['updates.quality.farFromRecent']);
  });
});
