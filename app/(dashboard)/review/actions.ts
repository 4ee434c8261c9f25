'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { reviewUpdate } from '@/db/queries/updates/changes';
import { lockPeriod, unlockPeriod } from '@/db/queries/updates/locks';
import { decideWithdrawal } from '@/db/queries/updates/withdrawals';
import { findPlan } from '@/db/queries/plans';
import type { SimpleActionState } from '@/components/updates/action-form';
import { requireActionUser } from '@/data/auth/session';
import { changeFailure } from '@/data/updates-change-messages';
import { problemTranslator, zodFieldErrors } from '@/data/updates-messages';
import { lockSchema, rawValues, reviewSchema, unlockSchema, withdrawalDecisionSchema } from '@/lib/validation/updates';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * Review and period locks (issue 5, items 5–6): each action authorizes first, parses, calls
 * db/queries/updates (which enforces the allowed transitions and writes the audit row), then revalidates.
 */

function revalidate() {
  revalidatePath('/review');
  revalidatePath('/indicators/[code]', 'page');
  revalidatePath('/');
}

export async function reviewUpdateAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('progress.review');
  if (!isFormData(formData)) return unreadableRequest();
  const { t, fields } = await problemTranslator();
  const parsed = reviewSchema.safeParse(rawValues(formData, ['updateId', 'version', 'decision', 'comment']));
  if (!parsed.success) {
    const errors = fields(zodFieldErrors(parsed.error.issues));
    return { ok: false, message: Object.values(errors).flat().join(' '), errors };
  }
  const result = await reviewUpdate(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return changeFailure(result);
  revalidate();
  return { ok: true, message: t(parsed.data.decision === 'approve' ? 'updates.review.approved' : 'updates.review.returned') };
}

/** A reviewer approves (the update is withdrawn) or refuses (it stays counted) a request to withdraw. */
export async function decideWithdrawalAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('progress.review');
  if (!isFormData(formData)) return unreadableRequest();
  const { t, fields } = await problemTranslator();
  const parsed = withdrawalDecisionSchema.safeParse(rawValues(formData, ['requestId', 'decision', 'comment']));
  if (!parsed.success) {
    const errors = fields(zodFieldErrors(parsed.error.issues));
    return { ok: false, message: Object.values(errors).flat().join(' '), errors };
  }
  const result = await decideWithdrawal(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return changeFailure(result.error === 'not_found' ? { ok: false, error: 'not_found' } : result);
  revalidate();
  revalidatePath('/my-reporting');
  return { ok: true, message: t(parsed.data.decision === 'approve' ? 'updates.withdrawal.approved' : 'updates.withdrawal.refused') };
}

export async function lockPeriodAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('period.lock');
  if (!isFormData(formData)) return unreadableRequest();
  const { t } = await problemTranslator();
  const parsed = lockSchema.safeParse(rawValues(formData, ['indicatorId', 'period']));
  const plan = await findPlan(await getDb(), Number(formData.get('plan')) || undefined);
  if (!parsed.success || !plan) return { ok: false, message: t('updates.locks.invalid') };
  const [periodStart, periodEnd] = parsed.data.period.split('_') as [string, string];
  const result = await lockPeriod(await getDb(), {
    planId: plan.id,
    indicatorId: parsed.data.indicatorId ?? null,
    periodStart,
    periodEnd,
    actorId: actor.id,
  });
  if (!result.ok) return { ok: false, message: t('updates.locks.invalid') };
  revalidate();
  return { ok: true, message: t(result.created ? 'updates.locks.locked' : 'updates.locks.alreadyLocked') };
}

export async function unlockPeriodAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('period.lock');
  if (!isFormData(formData)) return unreadableRequest();
  const { t } = await problemTranslator();
  const parsed = unlockSchema.safeParse(rawValues(formData, ['lockId']));
  if (!parsed.success) return { ok: false, message: t('updates.locks.invalid') };
  const result = await unlockPeriod(await getDb(), { lockId: parsed.data.lockId, actorId: actor.id });
  if (!result.ok) return { ok: false, message: t('updates.locks.notFound') };
  revalidate();
  return { ok: true, message: t('updates.locks.unlocked') };
}
