'use server';

import { z } from 'zod';
import { defineAction } from '@/data/action';
import { XlsxRefused, xlsxRefusalMessage } from '@/lib/xlsx-archive';
import { idField } from '@/lib/validation/plans';
import { planChanged } from '../../action-state';
import { importPlanWorkbook, MAX_PLAN_FILE_BYTES, readPlanWorkbook } from '@/data/writes/plans';

/** Checks a plan spreadsheet row by row and imports it (all rows, or only the valid ones when asked). */
export const importPlanAction = defineAction({
  policy: 'plan.edit',
  schema: z.object({ planId: idField, validOnly: z.string().nullable() }),
  invalidMessage: 'plans.validation.invalid',
  refill: false,
  body: async ({ db, actor, input, formData, t }) => {
    const fileError = (message: string) => ({ ok: false as const, message: t('plans.errors.invalid'), errors: { file: [message] } });
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return fileError(t('plans.import.fileMissing'));
    if (file.size > MAX_PLAN_FILE_BYTES) return fileError(t('plans.import.tooLarge'));
    let workbook: Awaited<ReturnType<typeof readPlanWorkbook>>;
    try {
      workbook = await readPlanWorkbook(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      if (!(error instanceof XlsxRefused)) throw error;
      const { key, values } = xlsxRefusalMessage(error);
      return fileError(t(`files.xlsx.${key}`, values));
    }
    if (!workbook) return fileError(t('plans.import.fileUnreadable'));
    const result = await importPlanWorkbook(db, { planId: input.planId, workbook, validOnly: input.validOnly === '1', actorId: actor.id });
    const problems = (result.problems ?? []).map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, message: t(p.message, p.params ?? {}) }));
    if (!result.ok) return { ok: false, message: t(`plans.errors.${result.error}`, result.params ?? {}), problems };
    const notes = result.skipped > 0 ? [t('plans.import.skipped', { count: result.skipped })] : undefined;
    return { ok: true, message: t('plans.import.imported', { goals: result.goals, indicators: result.indicators }), notes, problems, invalidate: planChanged };
  },
});
