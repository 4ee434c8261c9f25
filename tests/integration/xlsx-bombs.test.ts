import { describe, expect, it } from 'vitest';
import { readPlanWorkbook } from '@/db/queries/plan-admin/workbook';
import { parseUpload, REGISTRY_XLSX_LIMITS } from '@/data/registries-files';
import { readImportFile } from '@/lib/validation/updates-import';
import { XlsxRefused } from '@/lib/xlsx-archive';
import { arrayBuffer, bomb, declareSizes, manyParts, workbookBytes } from '../support/xlsx-archives';

// Crafted XLSX archives (zip bombs, archives that lie about their sizes, thousands of parts, oversized sheets)
// are refused before exceljs inflates them, with a reason the import forms show; the imports stop there, before
// any write. The checks are pure file handling: the same on either database driver.

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
    const many = await manyParts(3000);
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
