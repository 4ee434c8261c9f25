'use server';

import { createCity, deleteCity, setCityArchived, updateCity } from '@/db/queries/registries/cities';
import { requireActionUser } from '@/data/auth/session';
import { archiveRecord, createRecord, deleteRecord, updateRecord, type RegistryKit } from '@/data/registry-actions';
import type { RegistryFormState } from '@/data/registries-forms';
import { cityFormFields, cityFormSchema, type CityInput } from '@/lib/validation/registries-forms';

/**
 * The city registry's server actions. Each authorizes ('registry.edit') before anything else; the shared steps in
 * data/registry-actions.ts validate with zod and call db/queries/registries, which enforces the integrity
 * rules and writes the audit row in the same transaction.
 */

const kit: RegistryKit<CityInput> = {
  path: '/cities',
  fields: cityFormFields,
  schema: cityFormSchema,
  statusLabels: 'registries.values.cityStatus',
  create: createCity,
  update: updateCity,
  setArchived: setCityArchived,
  remove: deleteCity,
};

export async function createCityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return createRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function updateCityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return updateRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function archiveCityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return archiveRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function deleteCityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return deleteRecord(kit, await requireActionUser('registry.edit'), formData);
}
