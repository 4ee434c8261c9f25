import 'server-only';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { MAX_IMPORT_ROWS, type IoRow } from '@/lib/validation/registries-io';
import { boundedXlsx, refuseLargeSheet, type XlsxLimits } from '@/lib/xlsx-archive';
import { cellText } from '@/lib/xlsx';
import { unescapeCell } from '@/lib/csv';

/** Reading the registries' CSV and XLSX uploads (the column layout is lib/validation/registries-io.ts). */

/** What a registry workbook may hold: its rows fit in a few megabytes of sheet XML. */
export const REGISTRY_XLSX_LIMITS: XlsxLimits = { unpackedBytes: 32 * 1024 * 1024, entries: 200, rows: MAX_IMPORT_ROWS, cells: MAX_IMPORT_ROWS * 40 };

/** Rows of a CSV or XLSX upload as header → text; throws on an unreadable file (XlsxRefused when over the limits). */
export async function parseUpload(name: string, bytes: ArrayBuffer): Promise<IoRow[]> {
  if (/\.xlsx$/i.test(name)) {
    // Loaded when a workbook is read, as lib/xlsx.ts does: every page whose forms reach this module need not load it.
    const { default: Excel } = await import('exceljs');
    const workbook: ExcelJS.Workbook = new Excel.Workbook();
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
        // A leading quote was added on export to keep formulas from running: take it off again.
        if (header) row[header] = unescapeCell(cellText(cell.value).trim());
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
