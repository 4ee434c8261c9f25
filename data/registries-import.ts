import 'server-only';
import { z } from 'zod';
import { checkImport, runImport, type ImportProblem } from '@/db/queries/registries/import';
import { getStoredAsOfDate } from '@/db/queries/settings';
import type { Registry } from '@/lib/validation/registries';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type IoRow } from '@/lib/validation/registries-io';
import { parseUpload } from './registries-files';
import { XlsxRefused, xlsxRefusalMessage } from '@/lib/xlsx-archive';
import type { ImportState } from '@/types/forms';
import { defineAction, type Outcome, type Translator } from './action';
import { registryChange } from './registry-actions';

const report = (t: Translator, problems: ImportProblem[]) => problems.map((p) => ({ row: p.row, column: p.column, message: t(p.messageKey) }));

function rowsFromJson(text: string): IoRow[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || value.length > MAX_IMPORT_ROWS) return undefined;
    return value.map((r) => Object.fromEntries(Object.entries(r as object).map(([k, v]) => [String(k), String(v ?? '')])));
  } catch {
    return undefined;
  }
}

const importForm = z.object({ step: z.enum(['check', 'import']).catch('check') });

/**
 * A registry's import action ('registry.import'): `step=check` reads the file and reports every problem without
 * writing; `step=import` re-checks the posted rows and creates the valid ones.
 */
export function registryImportAction(registry: Registry) {
  return defineAction({
    policy: 'registry.import',
    schema: importForm,
    refill: false,
    body: async ({ db, actor, input, formData, t }): Promise<Outcome & ImportState> => {
      const today = (await getStoredAsOfDate(db)) ?? new Date().toISOString().slice(0, 10);
      if (input.step === 'import') {
        const rows = rowsFromJson(String(formData.get('rows') ?? ''));
        if (!rows) return { ok: false, message: t('registries.import.changed') };
        const result = await runImport(db, registry, rows, today, actor.id);
        return {
          ok: true,
          message: t('registries.import.imported', { count: result.imported }),
          problems: report(t, result.problems),
          invalidate: [registryChange(`/${registry}`)],
        };
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
    },
  });
}
