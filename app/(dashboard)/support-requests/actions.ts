'use server';

import { createSupportRequest, deleteSupportRequest, setSupportRequestArchived, updateSupportRequest } from '@/db/queries/registries/support-requests';
import { requireActionUser } from '@/data/auth/session';
import { archiveRecord, createRecord, deleteRecord, updateRecord, type RegistryKit } from '@/data/registry-actions';
import type { RegistryFormState } from '@/data/registries-forms';
import { supportRequestFormFields, supportRequestFormSchema, type SupportRequestInput } from '@/lib/validation/registries-forms';

/**
 * The COVID-19 support request registry's server actions. Each authorizes ('registry.edit') before anything else; the shared steps in
 * data/registry-actions.ts validate with zod and call db/queries/registries, which enforces the integrity
 * rules and writes the audit row in the same transaction.
 */

const kit: RegistryKit<SupportRequestInput> = {
  path: '/support-requests',
  fields: supportRequestFormFields,
  schema: supportRequestFormSchema,
  statusLabels: 'registries.values.requestStatus',
  create: createSupportRequest,
  update: updateSupportRequest,
  setArchived: setSupportRequestArchived,
  remove: deleteSupportRequest,
};

export async function createSupportRequestAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return createRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function updateSupportRequestAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return updateRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function archiveSupportRequestAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return archiveRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function deleteSupportRequestAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return deleteRecord(kit, await requireActionUser('registry.edit'), formData);
}
