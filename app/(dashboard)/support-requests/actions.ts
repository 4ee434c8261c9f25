'use server';

import { registryRecordActions } from '@/data/registry-kits';

/** The support-request registry's server actions: the shared record actions of data/registry-actions.ts. */
export const createSupportRequestAction = registryRecordActions['support-requests'].create;
export const updateSupportRequestAction = registryRecordActions['support-requests'].update;
export const archiveSupportRequestAction = registryRecordActions['support-requests'].archive;
export const deleteSupportRequestAction = registryRecordActions['support-requests'].remove;
