import type ExcelJS from 'exceljs';
import { unescapeCell } from '@/lib/csv';
import { cellText, toXlsx } from '@/lib/xlsx';
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

export async function buildPlanWorkbook(rows: {
  goals: Record<GoalColumn, string | number | null>[];
  indicators: Record<IndicatorColumn, string | number | null>[];
}): Promise<Buffer> {
  const sheet = <C extends string>(name: string, header: readonly C[], data: Record<C, string | number | null>[]) => ({
    name,
    header,
    rows: data.map((row) => header.map((c) => row[c])),
  });
  return Buffer.from(await toXlsx([sheet(GOALS_SHEET, goalColumns, rows.goals), sheet(INDICATORS_SHEET, indicatorColumns, rows.indicators)]));
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
    // Loaded when a workbook is read, as lib/xlsx.ts does: the plan pages, whose forms reach this module, need not load it.
    const { default: Excel } = await import('exceljs');
    const workbook: ExcelJS.Workbook = new Excel.Workbook();
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
