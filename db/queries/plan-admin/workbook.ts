import ExcelJS from 'exceljs';
import { spreadsheetSafe, unescapeCell } from '@/lib/csv';
import { boundedXlsx, refuseLargeSheet, XlsxRefused, type XlsxLimits } from '@/lib/xlsx-archive';

/**
 * The plan spreadsheet: one sheet of goals and one of indicators with their targets, the same layout for
 * export and import. Milestones are one cell, "2020-03-31: 1; 2020-06-30: 3", so one layout serves every
 * reporting frequency. Cells are read back as text; import.ts validates them like the forms do.
 */

export const GOALS_SHEET = 'Goals';
export const INDICATORS_SHEET = 'Indicators';

export const goalColumns = ['code', 'title', 'title_zh', 'description', 'description_zh'] as const;
export const indicatorColumns = [
  'goal', 'code', 'name', 'name_zh', 'description', 'description_zh', 'unit', 'value_kind', 'accumulation',
  'direction', 'baseline_value', 'baseline_date', 'target_value', 'target_date', 'frequency', 'milestones',
  'owner_email', 'source', 'derived_key', 'disaggregations', 'definition', 'means_of_verification',
  'collection_method', 'target_rationale',
] as const;
export type GoalColumn = (typeof goalColumns)[number];
export type IndicatorColumn = (typeof indicatorColumns)[number];

export type SheetRow<C extends string> = { row: number; cells: Partial<Record<C, string>> };
export interface PlanWorkbook {
  goals: SheetRow<GoalColumn>[];
  indicators: SheetRow<IndicatorColumn>[];
}

export const MAX_PLAN_FILE_BYTES = 2 * 1024 * 1024;
/** A plan has at most a few hundred indicators: a few megabytes of sheet XML. */
export const PLAN_XLSX_LIMITS: XlsxLimits = { unpackedBytes: 16 * 1024 * 1024, entries: 200, rows: 5000, cells: 5000 * 40 };

/** A text cell that a spreadsheet would run as a formula is prefixed with a quote (the rule of lib/csv.ts). */
const safe = (value: string | number | null): string | number => spreadsheetSafe(value ?? '');

export async function buildPlanWorkbook(rows: {
  goals: Record<GoalColumn, string | number | null>[];
  indicators: Record<IndicatorColumn, string | number | null>[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const add = <C extends string>(name: string, columns: readonly C[], data: Record<C, string | number | null>[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2) }));
    for (const row of data) sheet.addRow(Object.fromEntries(columns.map((c) => [c, safe(row[c])])));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  add(GOALS_SHEET, goalColumns, rows.goals);
  add(INDICATORS_SHEET, indicatorColumns, rows.indicators);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

const header = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

function readSheet<C extends string>(sheet: ExcelJS.Worksheet, columns: readonly C[]): SheetRow<C>[] {
  const names: string[] = [];
  const rows: SheetRow<C>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
    if (n === 1) {
      names.push(...values.map(header));
      return;
    }
    if (values.every((v) => v === '')) return;
    const cells: Partial<Record<C, string>> = {};
    names.forEach((name, i) => {
      // A leading quote was added on export to keep formulas from running: take it off again.
      if ((columns as readonly string[]).includes(name)) cells[name as C] = unescapeCell(values[i] ?? '');
    });
    rows.push({ row: n, cells });
  });
  return rows;
}

/**
 * Reads the two sheets, or null when the file is not an XLSX workbook with them. Throws XlsxRefused when the
 * archive or its sheets exceed PLAN_XLSX_LIMITS (checked before exceljs inflates anything).
 */
export async function readPlanWorkbook(bytes: Uint8Array): Promise<PlanWorkbook | null> {
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(boundedXlsx(bytes, PLAN_XLSX_LIMITS)) as unknown as ArrayBuffer);
    const goals = workbook.getWorksheet(GOALS_SHEET);
    const indicators = workbook.getWorksheet(INDICATORS_SHEET);
    if (!goals || !indicators) return null;
    refuseLargeSheet(goals, PLAN_XLSX_LIMITS);
    refuseLargeSheet(indicators, PLAN_XLSX_LIMITS);
    return { goals: readSheet(goals, goalColumns), indicators: readSheet(indicators, indicatorColumns) };
  } catch (error) {
    if (error instanceof XlsxRefused && error.reason !== 'not_zip') throw error;
    return null;
  }
}

/** "2020-03-31: 1; 2020-06-30: 3" ⇄ { '2020-03-31': 1, … }. */
export function formatMilestones(milestones: Record<string, number>): string {
  return Object.entries(milestones)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([end, v]) => `${end}: ${v}`)
    .join('; ');
}

export function parseMilestones(text: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2})\s*[:=]\s*(-?\d+(?:[.,]\d+)?)$/.exec(part);
    if (!m) return null;
    out[m[1]!] = Number(m[2]!.replace(',', '.'));
  }
  return out;
}
