'use server';

import { registryRecordActions } from '@/data/registry-kits';

/** The partner registry's server actions: the shared record actions of data/registry-actions.ts. */
export const createPartnerAction = registryRecordActions['partners'].create;
export const updatePartnerAction = registryRecordActions['partners'].update;
export const archivePartnerAction = registryRecordActions['partners'].archive;
export const deletePartnerAction = registryRecordActions['partners'].remove;
