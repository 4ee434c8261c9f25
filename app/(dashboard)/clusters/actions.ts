'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { addClusterMember, createCluster, deleteCluster, endClusterMembership, setClusterArchived, updateCluster } from '@/db/queries/registries/clusters';
import { requireActionUser } from '@/lib/auth/session';
import { invalid, readForm, recordIdField, referencesMessage, refused, type RegistryFormState } from '@/lib/data/registries-forms';
import { clusterFormFields, clusterFormSchema, clusterLeaveFormSchema, clusterMemberFormSchema } from '@/lib/validation/registries-forms';
import { isFormData, unreadableRequest } from '@/lib/validation/form-data';

/**
 * The cluster registry's server actions. Each authorizes ('registry.edit') before anything else, validates with
 * zod, then calls db/queries/registries/clusters.ts, which enforces the integrity rules and writes the audit row
 * in the same transaction. Overview indicators derived from clusters follow on the next page load.
 */

const label = (t: Awaited<ReturnType<typeof getTranslations>>) => (s: string) => t(`registries.values.clusterStage.${s}`);

function revalidate(id?: number) {
  revalidatePath('/clusters');
  if (id) revalidatePath(`/clusters/${id}`);
  revalidatePath('/');
}

export async function createClusterAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = readForm(formData, clusterFormFields);
  const parsed = clusterFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await createCluster(await getDb(), parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, label(t));
  revalidate();
  redirect(`/clusters/${result.record.id}`);
}

export async function updateClusterAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  const { raw, values } = readForm(formData, clusterFormFields);
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const parsed = clusterFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await updateCluster(await getDb(), id.data.id, parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, label(t));
  revalidate(id.data.id);
  return { ok: true, message: t(result.changed ? 'registries.saved' : 'registries.unchanged'), attempt: Date.now() };
}

export async function archiveClusterAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const archive = formData.get('archived') === '1';
  const result = await setClusterArchived(await getDb(), id.data.id, archive, actor.id);
  if (!result.ok) return { ok: false, message: t('registries.actions.notFound') };
  revalidate(id.data.id);
  return { ok: true, message: t(archive ? 'registries.actions.archived' : 'registries.actions.restored') };
}

export async function deleteClusterAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const result = await deleteCluster(await getDb(), id.data.id, actor.id);
  if (!result.ok) {
    return { ok: false, message: result.error === 'referenced' ? referencesMessage(t, result.references) : t('registries.actions.notFound') };
  }
  revalidate();
  redirect('/clusters');
}

export async function addClusterMemberAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = readForm(formData, ['clusterId', 'cityId', 'joinedOn']);
  const parsed = clusterMemberFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await addClusterMember(await getDb(), parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values);
  revalidate(parsed.data.clusterId);
  return { ok: true, message: t('registries.clusters.members.added') };
}

export async function endClusterMembershipAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  const actor = await requireActionUser('registry.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = readForm(formData, ['memberId', 'leftOn']);
  const parsed = clusterLeaveFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await endClusterMembership(await getDb(), parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values);
  revalidate(result.record.id);
  return { ok: true, message: t('registries.clusters.members.left') };
}
