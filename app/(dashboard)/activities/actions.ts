'use server';

import { createActivity, deleteActivity, setActivityArchived, updateActivity } from '@/db/queries/registries/activities';
import { requireActionUser } from '@/data/auth/session';
import { archiveRecord, createRecord, deleteRecord, updateRecord, type RegistryKit } from '@/data/registry-actions';
import type { RegistryFormState } from '@/data/registries-forms';
import { activityFormFields, activityFormSchema, type ActivityInput } from '@/lib/validation/registries-forms';

/**
 * The activity registry's server actions. Each authorizes ('registry.edit') before anything else; the shared steps in
 * data/registry-actions.ts validate with zod and call db/queries/registries, which enforces the integrity
 * rules and writes the audit row in the same transaction.
 */

const kit: RegistryKit<ActivityInput> = {
  path: '/activities',
  fields: activityFormFields,
  multi: ['cityIds'],
  schema: activityFormSchema,
  create: createActivity,
  update: updateActivity,
  setArchived: setActivityArchived,
  remove: deleteActivity,
};

export async function createActivityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return createRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function updateActivityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return updateRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function archiveActivityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return archiveRecord(kit, await requireActionUser('registry.edit'), formData);
}

export async function deleteActivityAction(_previous: RegistryFormState, formData: FormData): Promise<RegistryFormState> {
  return deleteRecord(kit, await requireActionUser('registry.edit'), formData);
}
