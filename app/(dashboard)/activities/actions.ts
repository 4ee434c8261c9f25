'use server';

import { createActivity, deleteActivity, setActivityArchived, updateActivity } from '@/db/queries/registries/activities';
import { registryActions } from '@/data/registry-actions';
import { activityFormFields, activityFormSchema } from '@/lib/validation/registries-forms';

/** The activity registry's server actions: the shared record actions of data/registry-actions.ts. */
const actions = registryActions({
  path: '/activities',
  fields: activityFormFields,
  multi: ['cityIds'],
  schema: activityFormSchema,
  create: createActivity,
  update: updateActivity,
  setArchived: setActivityArchived,
  remove: deleteActivity,
});

export const createActivityAction = actions.create;
export const updateActivityAction = actions.update;
export const archiveActivityAction = actions.archive;
export const deleteActivityAction = actions.remove;
