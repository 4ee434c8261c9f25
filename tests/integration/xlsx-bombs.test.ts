import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPlanWorkbook } from '@/db/queries/plan-admin/workbook';
import { parseUpload, REGISTRY_XLSX_LIMITS } from '@/lib/data/registries-files';
import { readImportFile } from '@/lib/validation/updates-import';
import { XlsxRefused } from '@/lib/xlsx-archive';

// Crafted XLSX archives (zip bombs, archives that lie about their sizes, thousands of parts, oversized sheets)
// are refused before exceljs inflates them, with a reason the import forms show; the imports stop there, before
// any write. The checks are pure file handling: the same on either database driver.

async function workbookBytes(rows = 1): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['name', 'country']);
  for (let i = 0; i < rows; i++) sheet.addRow([`City ${i}`, 'KZ']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A real workbook whose first sheet is replaced by `bytes` of XML whitespace: tiny compressed, huge unpacked. */
async function bomb(unpackedBytes: number): Promise<Uint8Array> {
  const files = unzipSync(await workbookBytes());
  const sheet = new Uint8Array(unpackedBytes).fill(0x20);
  sheet.set(new TextEncoder().encode('<worksheet>'), 0);
  files['xl/worksheets/sheet1.xml'] = sheet;
  return zipSync(files, { level: 1 });
}

/** Rewrites every size an archive declares for its entries (local headers and central directory). */
function declareSizes(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return copy;
}

const arrayBuffer = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
const refusal = async (run: Promise<unknown>) => run.then(() => 'accepted', (e: unknown) => (e instanceof XlsxRefused ? e.reason : `other: ${String(e)}`));

describe('XLSX imports refuse crafted archives', () => {
  it('a registry workbook that unpacks past the limit is refused before it is inflated', async () => {
    const file = await bomb(REGISTRY_XLSX_LIMITS.unpackedBytes * 2);
    expect(file.byteLength).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage();
    expect(await refusal(parseUpload('cities.xlsx', arrayBuffer(file)))).toBe('unpacked_too_large');
    const after = process.memoryUsage();
    // Nothing near the unpacked size was allocated.
    expect(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)).toBeLessThan(REGISTRY_XLSX_LIMITS.unpackedBytes / 2);
  });

  it('an archive that declares gigabytes is refused from its directory alone', async () => {
    const lying = declareSizes(await workbookBytes(), 1_500_000_000);
    expect(await refusal(parseUpload('cities.xlsx', arrayBuffer(lying)))).toBe('unpacked_too_large');
    const read = await readImportFile('updates.xlsx', lying);
    expect(read).toMatchObject({ ok: false, error: 'xlsx_refused', refusal: { key: 'unpacked_too_large' } });
    await expect(readPlanWorkbook(lying)).rejects.toBeInstanceOf(XlsxRefused);
  });

  it('an archive of thousands of parts is refused', async () => {
    const files = unzipSync(await workbookBytes());
    for (let i = 0; i < 3000; i++) files[`xl/media/part${i}.bin`] = new Uint8Array(1);
    const many = zipSync(files, { level: 0 });
    expect(await refusal(parseUpload('cities.xlsx', arrayBuffer(many)))).toBe('too_many_entries');
  });

  it('an entry that understates its size cannot inflate past what it declared', async () => {
    const understated = declareSizes(await bomb(20 * 1024 * 1024), 4096);
    const before = process.memoryUsage();
    expect(await readPlanWorkbook(understated)).toBeNull();
    const after = process.memoryUsage();
    expect(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)).toBeLessThan(10 * 1024 * 1024);
  });

  it('a sheet with more rows than the import allows is refused before its rows are read', async () => {
    const file = await workbookBytes(REGISTRY_XLSX_LIMITS.rows + 5);
    expect(await refusal(parseUpload('cities.xlsx', arrayBuffer(file)))).toBe('too_many_rows');
    // A workbook within the limits still reads.
    expect(await parseUpload('cities.xlsx', arrayBuffer(await workbookBytes(3)))).toHaveLength(3);
  });
});
