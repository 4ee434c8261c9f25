import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildPlanWorkbook, GOALS_SHEET, goalColumns, readPlanWorkbook } from '@/db/queries/plan-admin/workbook';

// The plan spreadsheet follows the CSV rule: a text cell that would run as a formula is stored with a quote,
// a whole number is left alone, and the app's own import reads the text back unchanged.

const goal = (title: string) =>
  Object.fromEntries(goalColumns.map((c) => [c, c === 'code' ? 'G1' : c === 'title' ? title : null])) as Record<(typeof goalColumns)[number], string | null>;

describe('the plan workbook', () => {
  it('stores "-1+HYPERLINK(…)" defused, keeps "-12" as it is, and reads both back as typed', async () => {
    const hostile = '-1+HYPERLINK("https://evil.example","x")';
    const bytes = await buildPlanWorkbook({ goals: [goal(hostile), { ...goal('-12'), code: 'G2' }], indicators: [] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(GOALS_SHEET)!;
    expect(sheet.getCell('B2').value).toBe(`'${hostile}`);
    expect(sheet.getCell('B3').value).toBe('-12');
    const read = await readPlanWorkbook(new Uint8Array(bytes));
    expect(read?.goals.map((g) => g.cells.title)).toEqual([hostile, '-12']);
  });
});
