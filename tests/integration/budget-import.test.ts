import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { importExpenditures } from '@/db/queries/budget/import';
import { createBudgetLine } from '@/db/queries/budget/lines';
import { budgetUtilisationToDate } from '@/db/queries/budget/utilisation';
import { parseUpload } from '@/data/registries-files';
import { toXlsx } from '@/lib/xlsx';
import { auditLog, expenditures, users, workPlans } from '@/db/schema';
import { toCsv } from '@/lib/csv';
import { budgetLineSchema, EXPENDITURE_COLUMNS, expenditureSchema, moneyProblem } from '@/lib/validation/budget';
import { createTestDatabase, driverUnderTest } from '../support/db';

// The expenditure import writes a file whole or not at all; every bad cell is reported by row and column, and
// fuzzed amounts come back as field errors, never as a database error.

let handle: DbHandle;
let db: Db;
let actor: string;
let planId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [staff] = await db.insert(users).values({ email: 'staff@test.org', name: 'Staff', role: 'staff' }).returning();
  actor = staff!.id;
  const [plan] = await db.insert(workPlans).values({ year: 2040, title: 'Plan', status: 'draft', startDate: '2040-01-01', endDate: '2040-12-31' }).returning();
  planId = plan!.id;
  for (const code of ['OPS', 'TRV']) {
    const r = await createBudgetLine(db, budgetLineSchema.parse({ planId, code, title: code, goalId: '', fundingSource: 'Donor', amount: '10000', currency: 'USD', effectiveOn: '', reason: '' }), actor);
    expect(r.ok).toBe(true);
  }
});

afterAll(async () => {
  await handle?.close();
});

const csv = (rows: string[][]) => new TextEncoder().encode(toCsv([...EXPENDITURE_COLUMNS], rows)).buffer as ArrayBuffer;
const good = [
  ['2040-01-05', 'OPS', '100.10', 'USD', '', 'Rent', 'INV-1', ''],
  ['2040-01-06', 'trv', '200.20', 'usd', '', 'Tickets', '', 'https://example.org/receipt.pdf'],
  ['2040-02-01', 'OPS', '1000', 'CNY', '0.145', 'Supplies', 'INV-3', ''],
];
const count = async () => (await db.select({ id: expenditures.id }).from(expenditures).where(eq(expenditures.planId, planId))).length;

describe(`expenditure import on ${driverUnderTest}`, () => {
  it('reports every bad row and column and writes nothing when any row is bad', async () => {
    const bad = [
      ...good,
      ['2040-03-01', 'OPS', '-5', 'USD', '', 'Refund', '', ''],
      ['2040-03-02', 'OPS', '123456789012345678', 'USD', '', 'Huge', '', ''],
      ['2040-03-03', 'OPS', '1.234', 'USD', '', 'Decimals', '', ''],
      ['2040-03-04', 'OPS', '10', 'US$', '', 'Currency', '', ''],
      ['2040-03-05', 'NOPE', '10', 'USD', '', 'Unknown line', '', ''],
      ['2041-01-01', 'OPS', '10', 'USD', '', 'Next year', '', ''],
      ['2040-03-06', 'OPS', '10', 'EUR', '', 'No rate', '', ''],
      ['2040-03-07', 'OPS', '1,000.00', 'USD', '', 'Separators', '', ''],
      ['2040-03-08', 'OPS', '99999999999999', 'EUR', '2', 'Too large converted', '', ''],
      ['2040-03-09', 'OPS', '10', 'USD', '', '', '', 'javascript:alert(1)'],
    ];
    const rows = await parseUpload('finance.csv', csv(bad));
    const result = await importExpenditures(db, planId, rows, actor, 'finance.csv');
    expect(result.imported).toBe(0);
    expect(result.problems.map((p) => [p.row, p.column, p.messageKey])).toEqual([
      [5, 'amount', 'budget.validation.amountNegative'],
      [6, 'amount', 'budget.validation.amountTooLarge'],
      [7, 'amount', 'budget.validation.amountDecimals'],
      [8, 'currency', 'budget.validation.currencyFormat'],
      [9, 'line', 'budget.import.lineUnknown'],
      [10, 'date', 'budget.validation.dateOutsidePlan'],
      [11, 'rate', 'budget.validation.rateRequired'],
      [12, 'amount', 'budget.validation.amountFormat'],
      [13, 'amount', 'budget.validation.amountTooLarge'],
      [14, 'description', 'registries.validation.required'],
      [14, 'evidence_url', 'budget.validation.urlFormat'],
    ]);
    expect(await count()).toBe(0);
  });

  it('imports a good CSV whole, with one audit row per expenditure', async () => {
    const result = await importExpenditures(db, planId, await parseUpload('finance.csv', csv(good)), actor, 'finance.csv');
    expect(result).toEqual({ imported: 3, problems: [] });
    expect((await budgetUtilisationToDate(db, planId, '2040-12-31')).spent).toBe('445.30');
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'expenditure.import'));
    expect(audits).toHaveLength(3);
  });

  it('reads the same columns from XLSX, and reports a missing column', async () => {
    const workbook = await toXlsx([{ name: 'Expenditures', header: EXPENDITURE_COLUMNS, rows: [['2040-04-01', 'OPS', '0.01', 'USD', '', 'Bank fee', '', '']] }]);
    const bytes = workbook.slice().buffer as ArrayBuffer;
    expect(await importExpenditures(db, planId, await parseUpload('finance.xlsx', bytes), actor, 'finance.xlsx')).toEqual({ imported: 1, problems: [] });
    const noAmount = await parseUpload('x.csv', new TextEncoder().encode('date,line,currency,description\r\n2040-01-01,OPS,USD,x\r\n').buffer as ArrayBuffer);
    expect((await importExpenditures(db, planId, noAmount, actor, 'x.csv')).problems).toEqual([{ row: 1, column: 'amount', messageKey: 'budget.import.missingColumn' }]);
    expect(await count()).toBe(4);
  });
});

describe('fuzzed amounts get field errors', () => {
  it('refuses negative, huge, over-precise and malformed amounts with a message, accepts plain decimals', () => {
    const samples = ['-0.01', '-1e3', '1e3', 'NaN', 'Infinity', '0x10', '１２', '1.', '.5', '12.345', '1'.repeat(15), '  ', '0', '0.00', '12,5'];
    for (const s of samples) expect(moneyProblem(s.trim(), { allowZero: false }), s).not.toBeNull();
    for (const s of ['0.01', '12', '12.5', '99999999999999.99']) expect(moneyProblem(s, { allowZero: false }), s).toBeNull();
    const parsed = expenditureSchema('USD').safeParse({ lineId: 'abc', spentOn: '2020-02-30', amount: '-1', currency: 'usdx', rate: '-1', description: '', reference: '', evidenceUrl: '' });
    expect(parsed.success).toBe(false);
    const fields = Object.keys((parsed.error!.flatten().fieldErrors as Record<string, unknown>));
    expect(fields.sort()).toEqual(['amount', 'currency', 'description', 'lineId', 'rate', 'spentOn']);
  });
});
