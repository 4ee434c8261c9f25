'use server';

import { createSupportRequest, deleteSupportRequest, setSupportRequestArchived, updateSupportRequest } from '@/db/queries/registries/support-requests';
import { registryActions } from '@/data/registry-actions';
import { supportRequestFormFields, supportRequestFormSchema } from '@/lib/validation/registries-forms';

/** The support-request registry's server actions: the shared record actions of data/registry-actions.ts. */
const actions = registryActions({
  path: '/support-requests',
  fields: supportRequestFormFields,
  statusLabels: 'registries.values.requestStatus',
  schema: supportRequestFormSchema,
  create: createSupportRequest,
  update: updateSupportRequest,
  setArchived: setSupportRequestArchived,
  remove: deleteSupportRequest,
});

export const createSupportRequestAction = actions.create;
export const updateSupportRequestAction = actions.update;
export const archiveSupportRequestAction = actions.archive;
export const deleteSupportRequestAction = actions.remove;
