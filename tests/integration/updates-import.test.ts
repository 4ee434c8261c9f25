import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { importChunk } from '@/db/queries/updates/import';
import { lockPeriod } from '@/db/queries/updates/locks';
import { auditLog } from '@/db/schema';
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

  it('imports only the good rows, with one audit row, and the same file twice stores them once', async () => {
    const read = await readImportFile('updates.csv', bytes(csv));
    if (!read.ok) throw new Error('unreadable');
    const before = await snapshot(db);
    const first = await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'import', actorId: w.staff.id });
    expect(first).toMatchObject({ good: 3, imported: 3, alreadyImported: 0 });
    const after = await snapshot(db);
    expect(after.updates - before.updates).toBe(3);
    expect(after.audit - before.audit).toBe(1);
    const again = await importChunk(db, { planId: w.plan.id, rows: read.rows, mode: 'import', actorId: w.staff.id });
    expect(again).toMatchObject({ imported: 0, alreadyImported: 3 });
    expect((await snapshot(db)).updates).toBe(after.updates);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'progress.import'));
    expect(audit).toMatchObject({ actorId: w.staff.id, after: expect.objectContaining({ count: 3, rows: [2, 3, 4, 5, 6, 7, 8, 9] }) });
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
