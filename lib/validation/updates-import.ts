import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { z } from 'zod';
import type { XlsxLimits, xlsxRefusalMessage } from '@/lib/xlsx-archive';
import { cellText } from '@/lib/xlsx';

/**
 * The import file of progress updates: CSV or XLSX with a header row naming these columns,
 * in any order. Cells are read as text; db/queries/updates/import.ts validates each row like the form does.
 * This module runs in the browser too: the import page reads the file there and sends rows in chunks, so
 * large files never hit the server-action body limit and the server works one chunk (one request) at a time.
 */

export const importColumns = [
  'indicator_code',
  'period',
  'value',
  'numerator',
  'denominator',
  'milestone',
  'city',
  'cluster',
  'partner',
  'note',
  'evidence_url',
  'status',
] as const;
export type ImportColumn = (typeof importColumns)[number];

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export interface ImportRow {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  /** Derived from the file's content and the row number: importing the same file twice stores each row once. */
  key: string;
  cells: Partial<Record<ImportColumn, string>>;
}

export type ReadResult =
  | { ok: true; rows: ImportRow[] }
  | { ok: false; error: 'empty' | 'too_large' | 'too_many_rows' | 'unreadable' | 'missing_columns'; columns?: string[] }
  /** The XLSX archive or its sheet is over UPDATES_XLSX_LIMITS: `refusal` says why (files.xlsx.* messages). */
  | { ok: false; error: 'xlsx_refused'; refusal: ReturnType<typeof xlsxRefusalMessage> };

/** The most an update import may unpack to: 100,000 rows of a dozen columns, with room to spare. */
export const UPDATES_XLSX_LIMITS: XlsxLimits = { unpackedBytes: 128 * 1024 * 1024, entries: 200, rows: MAX_IMPORT_ROWS, cells: MAX_IMPORT_ROWS * 30 };

/** A UUID-shaped key (fits the idempotency_key column): 80 bits of the file's hash, then the row number. */
function rowKey(fileHash: string, row: number): string {
  const h = fileHash;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-8${h.slice(15, 18)}-${row.toString(16).padStart(12, '0')}`;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

function toRows(header: string[], body: string[][], fileHash: string): ReadResult {
  const names = header.map(normalizeHeader);
  const missing = ['indicator_code', 'period'].filter((c) => !names.includes(c));
  if (missing.length) return { ok: false, error: 'missing_columns', columns: missing };
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, error: 'too_many_rows' };
  const rows: ImportRow[] = [];
  body.forEach((cellsOfRow, i) => {
    if (cellsOfRow.every((c) => c.trim() === '')) return;
    const cells: ImportRow['cells'] = {};
    names.forEach((name, col) => {
      if ((importColumns as readonly string[]).includes(name)) cells[name as ImportColumn] = (cellsOfRow[col] ?? '').trim();
    });
    rows.push({ row: i + 2, key: rowKey(fileHash, i + 2), cells });
  });
  return rows.length ? { ok: true, rows } : { ok: false, error: 'empty' };
}

export async function readImportFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) return { ok: false, error: 'empty' };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, error: 'too_large' };
  const fileHash = await sha256Hex(bytes);
  try {
    if (name.toLowerCase().endsWith('.xlsx')) {
      // Loaded only when an XLSX file is read: the browser bundle stays small for CSV.
      const [{ default: Excel }, { boundedXlsx, refuseLargeSheet }] = await Promise.all([import('exceljs'), import('@/lib/xlsx-archive')]);
      const workbook = new Excel.Workbook();
      const bounded = boundedXlsx(bytes, UPDATES_XLSX_LIMITS);
      await workbook.xlsx.load(bounded.buffer.slice(bounded.byteOffset, bounded.byteOffset + bounded.byteLength) as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) return { ok: false, error: 'empty' };
      refuseLargeSheet(sheet, UPDATES_XLSX_LIMITS);
      const matrix: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, n) => {
        const values = row.values as ExcelJS.CellValue[];
        matrix[n - 1] = values.slice(1).map(cellText);
      });
      const [header, ...body] = Array.from(matrix, (r) => r ?? []);
      return header ? toRows(header, body, fileHash) : { ok: false, error: 'empty' };
    }
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    const [header, ...body] = parsed.data;
    return header ? toRows(header, body, fileHash) : { ok: false, error: 'empty' };
  } catch (error) {
    const archive = await import('@/lib/xlsx-archive');
    if (error instanceof archive.XlsxRefused && error.reason !== 'not_zip') return { ok: false, error: 'xlsx_refused', refusal: archive.xlsxRefusalMessage(error) };
    return { ok: false, error: 'unreadable' };
  }
}

/** What the server accepts from the browser per chunk: the same row shape, bounded. */
export const IMPORT_CHUNK_ROWS = 1000;
export const importChunkSchema = z.object({
  rows: z
    .array(
      z.object({
        row: z.number().int().min(2).max(MAX_IMPORT_ROWS + 1),
        key: z.uuid(),
        cells: z.partialRecord(z.enum(importColumns), z.string().max(5000)),
      }),
    )
    .min(1)
    .max(IMPORT_CHUNK_ROWS),
  mode: z.enum(['check', 'import']),
  plan: z.number().int().optional(),
});
