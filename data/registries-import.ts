import 'server-only';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { checkImport, runImport, type ImportProblem } from '@/db/queries/registries/import';
import { getStoredAsOfDate } from '@/db/queries/settings';
import type { Registry } from '@/lib/validation/registries';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type IoRow } from '@/lib/validation/registries-io';
import { parseUpload } from './registries-files';
import { XlsxRefused, xlsxRefusalMessage } from '@/lib/xlsx-archive';

/** What the import form shows: the row-by-row report and, after a check, the rows to import if chosen. */
export interface ImportState {
  ok?: boolean;
  message?: string;
  problems?: { row: number; column: string; message: string }[];
  validCount?: number;
  /** The checked rows (JSON), posted back by "import the valid rows"; they are checked again then. */
  rows?: string;
}

type T = Awaited<ReturnType<typeof getTranslations>>;
const report = (t: T, problems: ImportProblem[]) => problems.map((p) => ({ row: p.row, column: p.column, message: t(p.messageKey) }));

function rowsFromJson(text: string): IoRow[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || value.length > MAX_IMPORT_ROWS) return undefined;
    return value.map((r) => Object.fromEntries(Object.entries(r as object).map(([k, v]) => [String(k), String(v ?? '')])));
  } catch {
    return undefined;
  }
}

/**
 * The import action's work, after the action has authorized 'registry.import': `step=check` reads the file
 * and reports every problem without writing; `step=import` re-checks the posted rows and creates the valid ones.
 */
export async function handleImport(registry: Registry, formData: FormData, actorId: string): Promise<ImportState> {
  const t = await getTranslations();
  const db = await getDb();
  const today = (await getStoredAsOfDate(db)) ?? new Date().toISOString().slice(0, 10);
  if (formData.get('step') === 'import') {
    const rows = rowsFromJson(String(formData.get('rows') ?? ''));
    if (!rows) return { ok: false, message: t('registries.import.changed') };
    const result = await runImport(db, registry, rows, today, actorId);
    revalidatePath(`/${registry}`);
    revalidatePath('/');
    return { ok: true, message: t('registries.import.imported', { count: result.imported }), problems: report(t, result.problems) };
  }
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: t('registries.import.noFile') };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, message: t('registries.import.tooLarge') };
  let rows: IoRow[];
  try {
    rows = await parseUpload(file.name, await file.arrayBuffer());
  } catch (error) {
    if (!(error instanceof XlsxRefused)) return { ok: false, message: t('registries.import.unreadable') };
    const { key, values } = xlsxRefusalMessage(error);
    return { ok: false, message: t(`files.xlsx.${key}`, values) };
  }
  if (rows.length === 0) return { ok: false, message: t('registries.import.noRows') };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, message: t('registries.import.tooManyRows', { max: MAX_IMPORT_ROWS }) };
  const check = await checkImport(db, registry, rows, today);
  const invalidRows = new Set(check.problems.map((p) => p.row)).size;
  return {
    ok: true,
    message: t('registries.import.summary', { valid: check.valid.length, invalid: invalidRows }),
    problems: report(t, check.problems),
    validCount: check.valid.length,
    rows: JSON.stringify(rows),
  };
}
