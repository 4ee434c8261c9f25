import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

/**
 * Crafted XLSX archives for the tests that check the imports refuse them (tests/integration/xlsx-bombs.test.ts
 * on the parsers, tests/reliability/archives.test.ts over HTTP): zip bombs, archives that lie about their sizes,
 * thousands of parts, oversized sheets, a file that is not a zip at all.
 */

/** A real workbook with a sheet per name in `sheets`, each with a header row; the first also holds `rows` rows. */
export async function workbookBytes(rows = 1, sheets: readonly string[] = ['Sheet1']): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((name, index) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(['name', 'country']);
    if (index === 0) for (let i = 0; i < rows; i++) sheet.addRow([`City ${i}`, 'KZ']);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A real workbook whose first sheet is replaced by `unpackedBytes` of XML whitespace: tiny compressed, huge unpacked. */
export async function bomb(unpackedBytes: number, sheets?: readonly string[]): Promise<Uint8Array> {
  const files = unzipSync(await workbookBytes(1, sheets));
  const sheet = new Uint8Array(unpackedBytes).fill(0x20);
  sheet.set(new TextEncoder().encode('<worksheet>'), 0);
  files['xl/worksheets/sheet1.xml'] = sheet;
  return zipSync(files, { level: 1 });
}

/** Rewrites every size an archive declares for its entries (local headers and central directory). */
export function declareSizes(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return copy;
}

/** A real workbook with `parts` more one-byte entries: a small file, thousands of parts. */
export async function manyParts(parts: number, sheets?: readonly string[]): Promise<Uint8Array> {
  const files = unzipSync(await workbookBytes(1, sheets));
  for (let i = 0; i < parts; i++) files[`xl/media/part${i}.bin`] = new Uint8Array(1);
  return zipSync(files, { level: 0 });
}

/** A file that is no zip at all (a CSV) under an .xlsx name, as a renamed file arrives. */
export const notZip = (): Uint8Array => new TextEncoder().encode('name,country\nAstana,KZ\n');

export const arrayBuffer = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
