'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { createActivity, deleteActivity, setActivityArchived, updateActivity } from '@/db/queries/registries/activities';
import { requireActionUser } from '@/lib/auth/session';
import { invalid, readForm, recordIdField, referencesMessage, refused, type RegistryFormState } from '@/lib/data/registries-forms';
import { activityFormFields, activityFormSchema } from '@/lib/validation/registries-forms';
import { isFormData, unreadableRequest } from '@/lib/validation/form-data';

/**
 * The activity registry's server actions. Each authorizes ('registry.edit') before anything else, validates with
 * zod, then calls db/queries/registries/activities.ts, which enforces the integrity rules and writes the audit row
 * in the same transaction. Overview indicators derived from activities follow on the next page load.
 */

function revalidate(id?: number) {
  revalidatePath('/activities');
  if (id) revalidatePath(`/activities/${id}`);
  revalidatePath('/');
}

export async function createActivityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = readForm(formData, activityFormFields, ['cityIds']);
  const parsed = activityFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await createActivity(await getDb(), parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values);
  revalidate();
  redirect(`/activities/${result.record.id}`);
}

export async function updateActivityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  const { raw, values } = readForm(formData, activityFormFields, ['cityIds']);
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const parsed = activityFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await updateActivity(await getDb(), id.data.id, parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values);
  revalidate(id.data.id);
  return { ok: true, message: t(result.changed ? 'registries.saved' : 'registries.unchanged'), attempt: Date.now() };
}

export async function archiveActivityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const archive = formData.get('archived') === '1';
  const result = await setActivityArchived(await getDb(), id.data.id, archive, actor.id);
  if (!result.ok) return { ok: false, message: t('registries.actions.notFound') };
  revalidate(id.data.id);
  return { ok: true, message: t(archive ? 'registries.actions.archived' : 'registries.actions.restored') };
}

export async function deleteActivityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const result = await deleteActivity(await getDb(), id.data.id, actor.id);
  if (!result.ok) {
    return { ok: false, message: result.error === 'referenced' ? referencesMessage(t, result.references) : t('registries.actions.notFound') };
  }
  revalidate();
  redirect('/activities');
}
