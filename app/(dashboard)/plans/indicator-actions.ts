'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { moveIndicator, retireIndicator, saveIndicator } from '@/db/queries/plan-admin/indicators';
import { setTargets } from '@/db/queries/plan-admin/targets';
import { requireActionUser } from '@/data/auth/session';
import { moveSchema, planFormFields, retireSchema, yearField } from '@/lib/validation/plans';
import { indicatorFieldNames, indicatorSchema, targetsSchema } from '@/lib/validation/plans-indicators';
import { failureState, invalidState, submittedValues, type PlanFormState } from './action-state';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * Server actions for indicators and their targets: authorize ('plan.edit') first, validate, then call
 * db/queries/plan-admin (rules, revisions and audit rows live there).
 */

function revalidatePlans() {
  revalidatePath('/plans', 'layout');
  revalidatePath('/');
}

export async function saveIndicatorAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const values = submittedValues(formData);
  const fields = { ...planFormFields(formData, indicatorFieldNames), disaggregations: formData.getAll('disaggregations') };
  const parsed = indicatorSchema.safeParse(fields);
  if (!parsed.success) return invalidState(t, parsed.error, values);
  const result = await saveIndicator(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, values);
  revalidatePlans();
  const year = yearField.safeParse(formData.get('year'));
  if (parsed.data.indicatorId === null && year.success) {
    // Straight on to the milestones, which need the indicator to exist.
    redirect(`/plans/${year.data}/indicators/${encodeURIComponent(result.indicator.code)}/edit?created=1`);
  }
  const message = t(result.changed ? 'plans.saved' : 'plans.unchanged');
  return { ok: true, message, notes: result.milestonesCleared ? [t('plans.indicator.milestonesCleared')] : undefined, values };
}

export async function setTargetsAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const values = submittedValues(formData);
  const milestones: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('milestone:') && typeof value === 'string') milestones[key.slice('milestone:'.length)] = value;
  }
  const parsed = targetsSchema.safeParse({ ...planFormFields(formData, ['indicatorId', 'finalTarget', 'effectiveOn', 'reason']), milestones });
  if (!parsed.success) {
    const state = invalidState(t, parsed.error, values);
    // A bad milestone value is reported under the milestones, whichever period it was.
    const milestoneErrors = parsed.error.issues.filter((i) => i.path[0] === 'milestones').map((i) => t(i.message));
    return milestoneErrors.length ? { ...state, errors: { ...state.errors, milestones: [...new Set(milestoneErrors)] } } : state;
  }
  const result = await setTargets(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, values);
  revalidatePlans();
  if (!result.changed) return { ok: true, message: t('plans.unchanged'), values };
  const message = result.revisions > 0 ? t('plans.targets.revised', { count: result.revisions }) : t('plans.targets.saved');
  return { ok: true, message };
}

export async function moveIndicatorAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = moveSchema.safeParse(planFormFields(formData, ['id', 'direction']));
  if (!parsed.success) return { ok: false, message: t('plans.validation.invalid') };
  const result = await moveIndicator(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, {});
  revalidatePlans();
  return { ok: true, message: t(result.moved ? 'plans.goal.moved' : 'plans.unchanged') };
}

export async function retireIndicatorAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = retireSchema.safeParse(planFormFields(formData, ['id']));
  if (!parsed.success) return { ok: false, message: t('plans.validation.invalid') };
  const result = await retireIndicator(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, {});
  revalidatePlans();
  return { ok: true, message: t('plans.indicator.retired', { code: result.indicator.code }) };
}
