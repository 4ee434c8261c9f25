import Papa from 'papaparse';

/**
 * The one CSV writer of the app, for server exports and for downloads built in the browser alike, with the one
 * rule against formula injection: a text cell that a spreadsheet would run as a formula (starting with =, +, -,
 * @, a tab or a carriage return) is prefixed with an apostrophe — unless the whole cell is a number such as
 * `-12` or `+3.5`, which is left as it is so that figures stay figures. UTF-8 with a byte-order mark, so that
 * spreadsheet programs read Chinese names right; CRLF line ends.
 */
export const FORMULA_CELL = /^(?![+-]?(?:\d+(?:\.\d*)?|\.\d+)$)[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | Date | null | undefined;

const config = { escapeFormulae: FORMULA_CELL, newline: '\r\n' } as const;

/** Rows as CSV lines, each ended by CRLF (no byte-order mark): for streaming a long export in batches. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows.map((r) => r.map((c) => c ?? '')), config)}\r\n`;
}

/** A whole CSV file: byte-order mark, header row, rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${csvLines([header, ...rows])}`;
}

/** The same rule for a text cell written to XLSX by hand (exceljs stores text as text, but users copy it out). */
export function spreadsheetSafe<T extends CsvCell>(value: T): T | string {
  return typeof value === 'string' && FORMULA_CELL.test(value) ? `'${value}` : value;
}

/** Undoes spreadsheetSafe when a file this app wrote is read back. */
export function unescapeCell(text: string): string {
  return text.startsWith("'") && FORMULA_CELL.test(text.slice(1)) ? text.slice(1) : text;
}
