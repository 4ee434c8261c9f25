import 'server-only';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { IoRow } from '@/lib/validation/registries-io';

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

/** Rows of a CSV or XLSX upload as header → text; throws on an unreadable file. */
export async function parseUpload(name: string, bytes: ArrayBuffer): Promise<IoRow[]> {
  if (/\.xlsx$/i.test(name)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
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
