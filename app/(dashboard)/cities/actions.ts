'use server';

import { registryRecordActions } from '@/data/registry-kits';

/** The city registry's server actions: the shared record actions of data/registry-actions.ts. */
export const createCityAction = registryRecordActions['cities'].create;
export const updateCityAction = registryRecordActions['cities'].update;
export const archiveCityAction = registryRecordActions['cities'].archive;
export const deleteCityAction = registryRecordActions['cities'].remove;
