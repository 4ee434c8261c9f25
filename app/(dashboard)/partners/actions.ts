'use server';

import { createPartner, deletePartner, setPartnerArchived, updatePartner } from '@/db/queries/registries/partners';
import { requireActionUser } from '@/data/auth/session';
import { archiveRecord, createRecord, deleteRecord, updateRecord, type RegistryKit } from '@/data/registry-actions';
import type { RegistryFormState } from '@/data/registries-forms';
import { partnerFormFields, partnerFormSchema, type PartnerInput } from '@/lib/validation/registries-forms';

/**
 * The partner registry's server actions. Each authorizes ('registry.edit') before anything else; the shared steps in
 * data/registry-actions.ts validate with zod and call db/queries/registries, which enforces the integrity
 * rules and writes the audit row in the same transaction.
 */

const kit: RegistryKit<PartnerInput> = {
  path: '/partners',
  fields: partnerFormFields,
  multi: ['cityIds'],
  schema: partnerFormSchema,
  statusLabels: 'registries.values.partnerStatus',
  create: createPartner,
  update: updatePartner,
  setArchived: setPartnerArchived,
  remove: deletePartner,
};

export async function createPartnerAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return createRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function updatePartnerAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return updateRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function archivePartnerAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return archiveRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function deletePartnerAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return deleteRecord(kit, await requireActionUser('registry.edit'), formData);
}
