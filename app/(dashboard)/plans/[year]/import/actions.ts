'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { importPlanWorkbook } from '@/db/queries/plan-admin/import';
import { MAX_PLAN_FILE_BYTES, readPlanWorkbook } from '@/db/queries/plan-admin/workbook';
import { XlsxRefused, xlsxRefusalMessage } from '@/lib/xlsx-archive';
import { requireActionUser } from '@/data/auth/session';
import { idField } from '@/lib/validation/plans';
import type { PlanFormState } from '../../action-state';
import { isFormData, unreadableRequest } from '@/data/form-data';

export interface PlanImportState extends PlanFormState {
  /** Every bad row: sheet, row, column and what is wrong, translated. */
  problems?: { sheet: string; row: number; column: string; message: string }[];
}

/** Checks a plan spreadsheet row by row and imports it (all rows, or only the valid ones when asked). */
export async function importPlanAction(_previous: PlanImportState, formData: FormData): Promise<PlanImportState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const planId = idField.safeParse(formData.get('planId'));
  if (!planId.success) return { ok: false, message: t('plans.validation.invalid') };
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { ok: false, errors: { file: [t('plans.import.fileMissing')] } };
  if (file.size > MAX_PLAN_FILE_BYTES) return { ok: false, errors: { file: [t('plans.import.tooLarge')] } };
  let workbook: Awaited<ReturnType<typeof readPlanWorkbook>>;
  try {
    workbook = await readPlanWorkbook(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (!(error instanceof XlsxRefused)) throw error;
    const { key, values } = xlsxRefusalMessage(error);
    return { ok: false, errors: { file: [t(`files.xlsx.${key}`, values)] } };
  }
  if (!workbook) return { ok: false, errors: { file: [t('plans.import.fileUnreadable')] } };
  const result = await importPlanWorkbook(await getDb(), {
    planId: planId.data,
    workbook,
    validOnly: formData.get('validOnly') === '1',
    actorId: actor.id,
  });
  const problems = (result.problems ?? []).map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, message: t(p.message, p.params ?? {}) }));
  if (!result.ok) return { ok: false, message: t(`plans.errors.${result.error}`, result.params ?? {}), problems };
  revalidatePath('/plans', 'layout');
  revalidatePath('/');
  const notes = result.skipped > 0 ? [t('plans.import.skipped', { count: result.skipped })] : undefined;
  return { ok: true, message: t('plans.import.imported', { goals: result.goals, indicators: result.indicators }), notes, problems };
}
