'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { createSupportRequest, deleteSupportRequest, setSupportRequestArchived, updateSupportRequest } from '@/db/queries/registries/support-requests';
import { requireActionUser } from '@/lib/auth/session';
import { invalid, readForm, recordIdField, referencesMessage, refused, type RegistryFormState } from '@/lib/data/registries-forms';
import { supportRequestFormFields, supportRequestFormSchema } from '@/lib/validation/registries-forms';
import { isFormData, unreadableRequest } from '@/lib/validation/form-data';

/**
 * The COVID-19 support request registry's server actions. Each authorizes ('registry.edit') before anything else, validates with
 * zod, then calls db/queries/registries/support-requests.ts, which enforces the integrity rules and writes the audit row
 * in the same transaction. Overview indicators derived from support requests follow on the next page load.
 */

const label = (t: Awaited<ReturnType<typeof getTranslations>>) => (s: string) => t(`registries.values.requestStatus.${s}`);

function revalidate(id?: number) {
  revalidatePath('/support-requests');
  if (id) revalidatePath(`/support-requests/${id}`);
  revalidatePath('/');
}

export async function createSupportRequestAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = readForm(formData, supportRequestFormFields);
  const parsed = supportRequestFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await createSupportRequest(await getDb(), parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, label(t));
  revalidate();
  redirect(`/support-requests/${result.record.id}`);
}

export async function updateSupportRequestAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  const { raw, values } = readForm(formData, supportRequestFormFields);
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const parsed = supportRequestFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await updateSupportRequest(await getDb(), id.data.id, parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, label(t));
  revalidate(id.data.id);
  return { ok: true, message: t(result.changed ? 'registries.saved' : 'registries.unchanged'), attempt: Date.now() };
}

export async function archiveSupportRequestAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const archive = formData.get('archived') === '1';
  const result = await setSupportRequestArchived(await getDb(), id.data.id, archive, actor.id);
  if (!result.ok) return { ok: false, message: t('registries.actions.notFound') };
  revalidate(id.data.id);
  return { ok: true, message: t(archive ? 'registries.actions.archived' : 'registries.actions.restored') };
}

export async function deleteSupportRequestAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const result = await deleteSupportRequest(await getDb(), id.data.id, actor.id);
  if (!result.ok) {
    return { ok: false, message: result.error === 'referenced' ? referencesMessage(t, result.references) : t('registries.actions.notFound') };
  }
  revalidate();
  redirect('/support-requests');
}
