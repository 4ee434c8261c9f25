import 'server-only';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { MAX_IMPORT_ROWS, type IoRow } from '@/lib/validation/registries-io';
import { boundedXlsx, refuseLargeSheet, type XlsxLimits } from '@/lib/xlsx-archive';

/** Reading and writing the registries' CSV and XLSX files (the column layout is lib/validation/registries-io.ts). */

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
  }
  return String(value);
};

/** What a registry workbook may hold: its rows fit in a few megabytes of sheet XML. */
export const REGISTRY_XLSX_LIMITS: XlsxLimits = { unpackedBytes: 32 * 1024 * 1024, entries: 200, rows: MAX_IMPORT_ROWS, cells: MAX_IMPORT_ROWS * 40 };

/** Rows of a CSV or XLSX upload as header → text; throws on an unreadable file (XlsxRefused when over the limits). */
export async function parseUpload(name: string, bytes: ArrayBuffer): Promise<IoRow[]> {
  if (/\.xlsx$/i.test(name)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(boundedXlsx(new Uint8Array(bytes), REGISTRY_XLSX_LIMITS) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    refuseLargeSheet(sheet, REGISTRY_XLSX_LIMITS);
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell, col) => (headers[col] = cellText(cell.value).trim().toLowerCase()));
    const rows: IoRow[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row: IoRow = {};
      sheet.getRow(r).eachCell((cell, col) => {
        const header = headers[col];
        if (header) row[header] = cellText(cell.value).trim();
      });
      if (Object.values(row).some((v) => v !== '')) rows.push(row);
    }
    return rows;
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<IoRow>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  if (parsed.errors.some((e) => e.type === 'Delimiter' || e.type === 'Quotes')) throw new Error('unreadable CSV');
  return parsed.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v ?? '').trim()])));
}


export async function toXlsx(sheetName: string, headers: string[], rows: string[][]): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 18));
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
