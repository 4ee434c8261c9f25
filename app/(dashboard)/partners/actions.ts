'use server';

import { createPartner, deletePartner, setPartnerArchived, updatePartner } from '@/db/queries/registries/partners';
import { registryActions } from '@/data/registry-actions';
import { partnerFormFields, partnerFormSchema } from '@/lib/validation/registries-forms';

/** The partner registry's server actions: the shared record actions of data/registry-actions.ts. */
const actions = registryActions({
  path: '/partners',
  fields: partnerFormFields,
  multi: ['cityIds'],
  statusLabels: 'registries.values.partnerStatus',
  schema: partnerFormSchema,
  create: createPartner,
  update: updatePartner,
  setArchived: setPartnerArchived,
  remove: deletePartner,
});

export const createPartnerAction = actions.create;
export const updatePartnerAction = actions.update;
export const archivePartnerAction = actions.archive;
export const deletePartnerAction = actions.remove;
