import type ExcelJS from 'exceljs';
import { spreadsheetSafe, type CsvCell } from './csv';

/**
 * The one XLSX writer of the app (exceljs), and the one way a cell is read back as text. Every export, template
 * and plan workbook goes through `toXlsx`: a bold, frozen header row, columns wide enough for their header, and
 * the CSV writer's rule against formula injection on every text cell (lib/csv.ts).
 */

export interface Sheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  // Loaded when a workbook is written: the readers below also run in the browser, which need not carry exceljs.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  for (const spec of sheets) {
    // Excel refuses sheet names over 31 characters.
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    sheet.addRow([...spec.header]).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row.map((cell) => spreadsheetSafe(cell ?? '')));
    spec.header.forEach((name, i) => (sheet.getColumn(i + 1).width = Math.max(12, name.length + 2)));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A cell as text: dates as ISO days, formulas by their result, rich text and hyperlinks by their text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('hyperlink' in value) return String(value.hyperlink);
    return '';
  }
  return String(value);
}
