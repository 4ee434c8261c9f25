'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { moveGoal, retireGoal, saveGoal } from '@/db/queries/plan-admin/goals';
import { closePlan, createPlan, endorsePlan, updatePlan } from '@/db/queries/plan-admin/plans';
import { requireActionUser } from '@/data/auth/session';
import {
  closePlanSchema,
  createPlanSchema,
  editPlanSchema,
  endorsePlanSchema,
  goalSchema,
  moveSchema,
  planFormFields,
  retireSchema,
} from '@/lib/validation/plans';
import { failureState, invalidState, submittedValues, type PlanFormState } from './action-state';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * Server actions for plans and goals. Each is a public POST endpoint: it authorizes ('plan.edit') before
 * anything else, validates with zod, and calls db/queries/plan-admin, which enforces the rules and writes the
 * audit row in the change's transaction. Then the plan pages and the overview are revalidated.
 */

function revalidatePlans() {
  revalidatePath('/plans', 'layout');
  revalidatePath('/');
}

export async function createPlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const values = submittedValues(formData);
  const parsed = createPlanSchema.safeParse(planFormFields(formData, ['year', 'title', 'titleZh', 'startDate', 'endDate', 'copyFromPlanId']));
  if (!parsed.success) return invalidState(t, parsed.error, values);
  const result = await createPlan(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, values);
  revalidatePlans();
  // The plan page confirms the creation; codes copied without an actual ride along to be listed there.
  const noActual = result.copy?.withoutActual.length ? `&noActual=${encodeURIComponent(result.copy.withoutActual.join(','))}` : '';
  redirect(`/plans/${result.plan.year}?created=1${noActual}`);
}

export async function updatePlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const values = submittedValues(formData);
  const parsed = editPlanSchema.safeParse(planFormFields(formData, ['planId', 'title', 'titleZh', 'startDate', 'endDate']));
  if (!parsed.success) return invalidState(t, parsed.error, values);
  const result = await updatePlan(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, values);
  revalidatePlans();
  return { ok: true, message: t(result.changed ? 'plans.saved' : 'plans.unchanged') };
}

export async function endorsePlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const values = submittedValues(formData);
  const parsed = endorsePlanSchema.safeParse(planFormFields(formData, ['planId', 'endorsedOn', 'meetingId']));
  if (!parsed.success) return invalidState(t, parsed.error, values);
  const result = await endorsePlan(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, values);
  revalidatePlans();
  return { ok: true, message: t('plans.endorse.done', { year: result.plan.year }) };
}

export async function closePlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const values = submittedValues(formData);
  const parsed = closePlanSchema.safeParse(planFormFields(formData, ['planId', 'closedOn']));
  if (!parsed.success) return invalidState(t, parsed.error, values);
  const result = await closePlan(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, values);
  revalidatePlans();
  return { ok: true, message: t('plans.close.done', { year: result.plan.year }) };
}

export async function saveGoalAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const values = submittedValues(formData);
  const fields = planFormFields(formData, ['planId', 'goalId', 'code', 'title', 'titleZh', 'description', 'descriptionZh']);
  const parsed = goalSchema.safeParse(fields);
  if (!parsed.success) return invalidState(t, parsed.error, values);
  const result = await saveGoal(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, values);
  revalidatePlans();
  if (parsed.data.goalId === null) return { ok: true, message: t('plans.goal.created', { code: result.goal.code }) };
  return { ok: true, message: t(result.changed ? 'plans.saved' : 'plans.unchanged'), values };
}

export async function moveGoalAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = moveSchema.safeParse(planFormFields(formData, ['id', 'direction']));
  if (!parsed.success) return { ok: false, message: t('plans.validation.invalid') };
  const result = await moveGoal(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, {});
  revalidatePlans();
  return { ok: true, message: t(result.moved ? 'plans.goal.moved' : 'plans.unchanged') };
}

export async function retireGoalAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const actor = await requireActionUser('plan.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = retireSchema.safeParse(planFormFields(formData, ['id']));
  if (!parsed.success) return { ok: false, message: t('plans.validation.invalid') };
  const result = await retireGoal(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failureState(t, result, {});
  revalidatePlans();
  return { ok: true, message: t('plans.goal.retired', { code: result.goal.code }) };
}
