'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addClusterMember, createCluster, deleteCluster, endClusterMembership, setClusterArchived, updateCluster } from '@/db/queries/registries/clusters';
import { requireActionUser } from '@/data/auth/session';
import { archiveRecord, createRecord, deleteRecord, updateRecord, type RegistryKit } from '@/data/registry-actions';
import { invalid, readForm, refused, type RegistryFormState } from '@/data/registries-forms';
import { isFormData, unreadableRequest } from '@/data/form-data';
import { clusterFormFields, clusterFormSchema, clusterLeaveFormSchema, clusterMemberFormSchema, type ClusterInput } from '@/lib/validation/registries-forms';

/**
 * The cluster registry's server actions. Each authorizes ('registry.edit') before anything else; the shared steps in
 * data/registry-actions.ts validate with zod and call db/queries/registries, which enforces the integrity
 * rules and writes the audit row in the same transaction.
 */

const kit: RegistryKit<ClusterInput> = {
  path: '/clusters',
  fields: clusterFormFields,
  schema: clusterFormSchema,
  statusLabels: 'registries.values.clusterStage',
  create: createCluster,
  update: updateCluster,
  setArchived: setClusterArchived,
  remove: deleteCluster,
};

export async function createClusterAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return createRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function updateClusterAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return updateRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function archiveClusterAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return archiveRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function deleteClusterAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return deleteRecord(kit, await requireActionUser('registry.edit'), formData);
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
  revalidateCluster(parsed.data.clusterId);
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
  revalidateCluster(result.record.id);
  return { ok: true, message: t('registries.clusters.members.left') };
}

function revalidateCluster(id: number) {
  revalidatePath('/clusters');
  revalidatePath(`/clusters/${id}`);
  revalidatePath('/');
}
