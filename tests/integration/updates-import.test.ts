import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { importChunk, importChunkRequest } from '@/db/queries/updates/import';
import { listUpdates } from '@/db/queries/updates/lists';
import { storedUpdateFlags } from '@/db/queries/updates/quality';
import { lockPeriod } from '@/db/queries/updates/locks';
import { auditLog, progressUpdates } from '@/db/schema';
import { readImportFile } from '@/lib/validation/updates-import';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { seedUpdatesWorld, snapshot, type World } from './updates-support';

let handle: DbHandle;
let db: Db;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  w = await seedUpdatesWorld(db);
  await lockPeriod(db, { planId: w.plan.id, indicatorId: w.currency.id, periodStart: '2020-01-01', periodEnd: '2020-03-31', actorId: w.admin.id });
});

afterAll(async () => {
  await handle?.close();
});

const csv = [
  'Indicator code,Period,Value,Numerator,Denominator,Milestone,City,Cluster,Partner,Note,Evidence URL,Status',
  'G1.1,2020-Q2,4,,,,City 1,,,first,https://example.org/x,submitted', // row 2: good
  'G1.3,2020-Q2,,2,5,,,,,,,draft', // row 3: good percent
  'G1.4,2020-06-30,,,,yes,,,,,,', // row 4: good milestone by date
  'G9.9,2020-Q2,4,,,,,,,,,', // row 5: unknown indicator
  'G1.1,2021-Q1,-4,,,,Atlantis,,,,,', // row 6: outside plan, negative, unknown city
  'G1.5,2020-Q1,100,,,,,,,,,', // row 7: locked
  'G1.2,2020-Q3,12,,,,,,Some partner,,ftp://x,', // row 8: partner not allowed, bad url
  'G1.3,2020-Q3,,6,5,,,,,,,', // row 9: numerator above denominator
].join('\n');

const bytes = (s: string) => new TextEncoder().encode(s);

describe(`importing updates on ${driverUnderTest}`, () => {
  it('reads a CSV and reports every bad row with row, column and message, writing nothing on check', async () => {
    const read = await readImportFile('updates.csv', bytes(csv));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const before = await snapshot(db);
    const result = await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'check', actorId: w.staff.id });
    expect(await snapshot(db)).toEqual(before);
    expect(result).toMatchObject({ checked: 8, good: 3, imported: 0 });
    const problems = result.bad.map((b) => `${b.row}:${b.column}:${b.problem.key.replace('updates.validation.', '')}`);
    expect(problems).toEqual([
      '5:indicator_code:indicatorUnknown',
      '6:period:periodOutsidePlan',
      '6:value:negative',
      '6:city:nameUnknown',
      '7:period:periodLocked',
      '8:partner:disaggregationNotAllowed',
      '8:evidence_url:urlInvalid',
      '9:numerator:numeratorAboveDenominator',
    ]);
  });

  it('imports only the good rows, each with its audit row, and the same file twice stores them once', async () => {
    const read = await readImportFile('updates.csv', bytes(csv));
    if (!read.ok) throw new Error('unreadable');
    const before = await snapshot(db);
    const first = await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'import', actorId: w.staff.id });
    expect(first).toMatchObject({ good: 3, imported: 3, alreadyImported: 0, warnings: [] });
    const after = await snapshot(db);
    expect(after.updates - before.updates).toBe(3);
    expect(after.audit - before.audit).toBe(3);
    const again = await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'import', actorId: w.staff.id });
    expect(again).toMatchObject({ imported: 0, alreadyImported: 3 });
    expect(await snapshot(db)).toEqual(after);
    // Checking the file again says so too, without warning about the periods its own rows now fill.
    expect(await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'check', actorId: w.staff.id })).toMatchObject({
      good: 3,
      alreadyImported: 3,
      warnings: [],
    });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'progress.import')).orderBy(auditLog.id);
    const stored = await db.select().from(progressUpdates).where(inArray(progressUpdates.idempotencyKey, read.rows.map((r) => r.key)));
    expect(audits.map((a) => a.entityId).sort()).toEqual(stored.map((u) => String(u.id)).sort());
    expect(audits.map((a) => (a.after as { row: number }).row)).toEqual([2, 3, 4]);
    expect(audits[0]).toMatchObject({ actorId: w.staff.id, entityType: 'progress_update', after: expect.objectContaining({ value: 4, status: 'submitted', cityId: w.cities[0]!.id }) });
  });

  it('a flagged row needs a note: without one it is refused like a bad row, with one it goes in with its flags', async () => {
    const file = (notes: string[]) =>
      [
        'indicator_code,period,value,city,note',
        `G1.1,2020-Q3,2,City 1,${notes[0] ?? ''}`, // row 2: Q2 stands at 4 (stored, and again in this file) → lower than 4
        `G1.1,2020-Q4,100,City 1,${notes[1] ?? ''}`, // row 3: the file's own Q3 row (2) is the last → more than ten times a first total
        `G1.1,2020-Q2,4,City 1,${notes[2] ?? ''}`, // row 4: Q2 already has this very value: a possible duplicate
        'G1.2,2020-Q1,3,,', // row 5: nothing to say
      ].join('\n');
    const read = await readImportFile('plausible.csv', bytes(file([])));
    if (!read.ok) throw new Error('unreadable');
    const before = await snapshot(db);
    const checked = await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'check', actorId: w.staff.id });
    expect(await snapshot(db)).toEqual(before);
    const said = (list: typeof checked.bad) =>
      list.map((x) => `${x.row}:${x.column}:${x.problem.key.replace('updates.quality.', '')}:${x.problem.values?.last ?? x.problem.values?.recent ?? ''}`);
    // Each flagged row says which flag and that the note is missing; the form's rule, not a copy of it.
    expect(said(checked.bad)).toEqual([
      '2:value:lowerThanLast:4',
      '2:note:noteRequired:',
      '3:value:farFromRecent:2',
      '3:note:noteRequired:',
      '4:period:duplicate:',
      '4:note:noteRequired:',
    ]);
    expect(checked).toMatchObject({ checked: 4, good: 1, warnings: [] });
    // Importing: the flagged rows without their note are not written; the unflagged one goes in as any good row does.
    const withoutNotes = await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'import', actorId: w.staff.id });
    expect(withoutNotes).toMatchObject({ good: 1, imported: 1 });
    expect(said(withoutNotes.bad)).toEqual(said(checked.bad));
    expect((await snapshot(db)).updates - before.updates).toBe(1);
    const g11 = async () =>
      (await db.select().from(progressUpdates).where(eq(progressUpdates.indicatorId, w.cumulative.id)))
        .filter((u) => u.periodEnd >= '2020-09-30')
        .map((u) => `${u.periodEnd}:${u.value}:${u.note}`)
        .sort();
    expect(await g11()).toEqual([]);

    // The same rows, each with a note saying why: they go in, their flags listed, and the review queue sees them.
    const noted = await readImportFile('noted.csv', bytes(file(['Stock recount', 'Campaign month', 'Second site, same count']).split('\n').slice(0, 4).join('\n')));
    if (!noted.ok) throw new Error('unreadable');
    const rechecked = await importChunk(db, { planId: w.plan.id, rows: noted.rows, mode: 'check', actorId: w.staff.id });
    expect(rechecked).toMatchObject({ good: 3, bad: [] });
    expect(said(rechecked.warnings)).toEqual(['2:value:lowerThanLast:4', '3:value:farFromRecent:2', '4:period:duplicate:']);
    const imported = await importChunk(db, { planId: w.plan.id, rows: noted.rows, mode: 'import', actorId: w.staff.id });
    expect(imported).toMatchObject({ imported: 3, bad: [] });
    expect(await g11()).toEqual(['2020-09-30:2:Stock recount', '2020-12-31:100:Campaign month']);
    const stored = await listUpdates(db, w.plan.id, { statuses: ['submitted'], indicator: 'G1.1' });
    const flags = await storedUpdateFlags(db, w.plan, stored);
    const q4 = stored.find((u) => u.periodEnd === '2020-12-31' && u.value === 100)!;
    expect(flags.get(q4.id)?.map((p) => p.key)).toEqual(['updates.quality.farFromRecent']);
  });

  it('stores a chunk sent twice at once only once, and refuses a malformed chunk or unknown plan without writing', async () => {
    const read = await readImportFile('twice.csv', bytes('indicator_code,period,value\nG1.2,2020-Q2,7\nG1.2,2020-Q3,8'));
    if (!read.ok) throw new Error('unreadable');
    const before = await snapshot(db);
    const chunk = { rows: read.rows, mode: 'import', plan: 2020 };
    const results = await Promise.all([1, 2, 3].map(() => importChunkRequest(db, chunk, w.staff.id)));
    const imported = results.map((r) => (typeof r === 'string' ? -1 : r.imported));
    expect(imported.reduce((a, b) => a + b, 0)).toBe(2);
    expect((await snapshot(db)).updates - before.updates).toBe(2);
    const after = await snapshot(db);
    expect(await importChunkRequest(db, { ...chunk, rows: [{ row: 1, key: 'x', cells: {} }] }, w.staff.id)).toBe('bad_chunk');
    expect(await importChunkRequest(db, { ...chunk, mode: 'delete' }, w.staff.id)).toBe('bad_chunk');
    expect(await importChunkRequest(db, { ...chunk, plan: 1999 }, w.staff.id)).toBe('no_plan');
    expect(await snapshot(db)).toEqual(after);
  });

  it('reads XLSX the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Updates');
    sheet.addRow(['indicator_code', 'period', 'value', 'city']);
    sheet.addRow(['G1.2', '2020-Q4', 3, 'City 2']);
    sheet.addRow(['G1.2', '2020-Q4', 'abc', '']);
    const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readImportFile('updates.xlsx', buffer);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const result = await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'import', actorId: w.staff.id });
    expect(result).toMatchObject({ good: 1, imported: 1 });
    expect(result.bad).toEqual([{ row: 3, column: 'value', problem: expect.objectContaining({ key: 'updates.validation.notNumber' }) }]);
  });

  it('refuses files without the required columns or with no rows', async () => {
    expect(await readImportFile('x.csv', bytes('foo,bar\n1,2'))).toMatchObject({ ok: false, error: 'missing_columns' });
    expect(await readImportFile('x.csv', bytes('indicator_code,period\n'))).toMatchObject({ ok: false, error: 'empty' });
    expect(await readImportFile('x.xlsx', bytes('not a zip'))).toMatchObject({ ok: false, error: 'unreadable' });
  });
});
