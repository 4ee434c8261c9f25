'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { correctUpdate, submitUpdate, withdrawUpdate } from '@/db/queries/updates/changes';
import { findUpdateWithIndicator } from '@/db/queries/updates/history';
import { requestWithdrawal } from '@/db/queries/updates/withdrawals';
import { figureOf } from '@/db/queries/updates/placement';
import type { SimpleActionState } from '@/components/updates/action-form';
import { requireActionUser } from '@/data/auth/session';
import { changeFailure } from '@/data/updates-change-messages';
import { problemTranslator, zodFieldErrors, type FieldMessages } from '@/data/updates-messages';
import { correctionSchema, rawValues, submitSchema, withdrawSchema } from '@/lib/validation/updates';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * Corrections, withdrawal and (re)submission of one update (issue 5, items 4–5). Optimistic locking: the form
 * sends the version it showed; when someone changed the update meanwhile, the correction form gets the newer
 * figure and version back and the editor chooses (keep theirs, or save theirs over it knowingly).
 */

export interface CorrectionState {
  message?: string;
  errors?: FieldMessages;
  values?: Record<string, string>;
  conflict?: { version: number; figure: number | null; note: string | null };
}

const FIELDS = ['updateId', 'version', 'value', 'numerator', 'denominator', 'milestone', 'note', 'evidenceUrl', 'reason'] as const;

async function afterChange(updateId: number): Promise<never> {
  const row = await findUpdateWithIndicator(await getDb(), updateId);
  const code = row?.indicator.code ?? '';
  revalidatePath(`/indicators/${code}`);
  revalidatePath('/');
  revalidatePath('/review');
  revalidatePath('/my-reporting');
  redirect(`/indicators/${encodeURIComponent(code)}?saved=${updateId}#update-${updateId}`);
}

export async function correctUpdateAction(_previous: CorrectionState, formData: FormData): Promise<CorrectionState> {
  const actor = await requireActionUser('progress.log');
  if (!isFormData(formData)) return unreadableRequest();
  const { t, fields } = await problemTranslator();
  const values = rawValues(formData, FIELDS);
  const parsed = correctionSchema.safeParse(values);
  if (!parsed.success) return { values, message: t('updates.form.fixErrors'), errors: fields(zodFieldErrors(parsed.error.issues)) };
  const result = await correctUpdate(await getDb(), {
    ...parsed.data,
    figures: { value: values.value, numerator: values.numerator, denominator: values.denominator, milestone: values.milestone },
    actorId: actor.id,
  });
  if (!result.ok) {
    if (result.error === 'conflict') {
      const c = result.current;
      return { values, message: t('updates.correct.conflict'), conflict: { version: c.version, figure: figureOf(c), note: c.note } };
    }
    if (result.error === 'not_found') return { values, message: t('updates.errors.notFound') };
    return { values, message: t('updates.form.fixErrors'), errors: fields(result.errors) };
  }
  return afterChange(result.update.id);
}

export async function withdrawUpdateAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('progress.log');
  if (!isFormData(formData)) return unreadableRequest();
  const { fields } = await problemTranslator();
  const parsed = withdrawSchema.safeParse(rawValues(formData, ['updateId', 'version', 'reason']));
  if (!parsed.success) {
    const errors = fields(zodFieldErrors(parsed.error.issues));
    return { ok: false, message: Object.values(errors).flat().join(' '), errors };
  }
  const result = await withdrawUpdate(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return changeFailure(result);
  return afterChange(result.update.id);
}

/** Asks for an approved (counted) update to be withdrawn; a reviewer other than the one asking decides. */
export async function requestWithdrawalAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('progress.log');
  if (!isFormData(formData)) return unreadableRequest();
  const { t, fields } = await problemTranslator();
  const parsed = withdrawSchema.safeParse(rawValues(formData, ['updateId', 'version', 'reason']));
  if (!parsed.success) {
    const errors = fields(zodFieldErrors(parsed.error.issues));
    return { ok: false, message: Object.values(errors).flat().join(' '), errors };
  }
  const result = await requestWithdrawal(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return changeFailure(result);
  revalidatePath('/review');
  revalidatePath(`/updates/${result.request.updateId}`);
  return { ok: true, message: t('updates.withdrawal.requested') };
}

export async function submitUpdateAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('progress.log');
  if (!isFormData(formData)) return unreadableRequest();
  const { t } = await problemTranslator();
  const parsed = submitSchema.safeParse(rawValues(formData, ['updateId', 'version']));
  if (!parsed.success) return { ok: false, message: t('updates.errors.notFound') };
  const result = await submitUpdate(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return changeFailure(result);
  revalidatePath('/my-reporting');
  revalidatePath('/review');
  revalidatePath('/indicators/[code]', 'page');
  return { ok: true, message: t('updates.correct.submitted') };
}
