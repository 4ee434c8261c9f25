'use server';

import { registryRecordActions } from '@/data/registry-kits';

/** The activity registry's server actions: the shared record actions of data/registry-actions.ts. */
export const createActivityAction = registryRecordActions['activities'].create;
export const updateActivityAction = registryRecordActions['activities'].update;
export const archiveActivityAction = registryRecordActions['activities'].archive;
export const deleteActivityAction = registryRecordActions['activities'].remove;
