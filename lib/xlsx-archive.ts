import { unzipSync, zipSync, type Unzipped } from 'fflate';

/**
 * XLSX uploads are zip archives, and a small archive can unpack to gigabytes (a "zip bomb": exceljs would inflate
 * it all into memory). Before exceljs sees a file, its central directory is read (fflate, nothing inflated yet):
 * an archive whose entries declare more than `unpackedBytes` in all, or more than `entries` parts, is refused.
 * The entries are then inflated by fflate, each into a buffer of its declared size (an entry that lies about its
 * size cannot grow past it), and repacked without compression, so that exceljs's own unzip has nothing left to
 * inflate. After parsing, callers cap rows and cells with `refuseLargeSheet`. Works in the browser too.
 */

export interface XlsxLimits {
  /** The sum of the entries' declared uncompressed sizes. */
  unpackedBytes: number;
  entries: number;
  rows: number;
  cells: number;
}

export type XlsxRefusal = 'not_zip' | 'unpacked_too_large' | 'too_many_entries' | 'too_many_rows' | 'too_many_cells';

export class XlsxRefused extends Error {
  constructor(
    readonly reason: XlsxRefusal,
    readonly limits: XlsxLimits,
  ) {
    super(`XLSX refused: ${reason}`);
    this.name = 'XlsxRefused';
  }
}

/** The archive, checked and repacked for exceljs; throws XlsxRefused. */
export function boundedXlsx(bytes: Uint8Array, limits: XlsxLimits): Uint8Array {
  let unpacked = 0;
  let entries = 0;
  try {
    // The filter sees each central-directory entry; returning false inflates nothing.
    unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new XlsxRefused('not_zip', limits);
  }
  if (entries > limits.entries) throw new XlsxRefused('too_many_entries', limits);
  if (unpacked > limits.unpackedBytes) throw new XlsxRefused('unpacked_too_large', limits);
  let files: Unzipped;
  try {
    files = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') });
  } catch {
    throw new XlsxRefused('not_zip', limits);
  }
  return zipSync(files, { level: 0 });
}

/** Refuses a parsed sheet with more rows or cells than the import allows, before its rows are read. */
export function refuseLargeSheet(sheet: { rowCount: number; columnCount: number }, limits: XlsxLimits): void {
  if (sheet.rowCount > limits.rows + 1) throw new XlsxRefused('too_many_rows', limits);
  if (sheet.rowCount * sheet.columnCount > limits.cells) throw new XlsxRefused('too_many_cells', limits);
}

/** The message key (in the common catalog's `files.xlsx` namespace) and values that say why. */
export function xlsxRefusalMessage(error: XlsxRefused): { key: XlsxRefusal; values: Record<string, number> } {
  const { limits } = error;
  return {
    key: error.reason,
    values: { mb: Math.round(limits.unpackedBytes / 1024 / 1024), entries: limits.entries, rows: limits.rows, cells: limits.cells },
  };
}
