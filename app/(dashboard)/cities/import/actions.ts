'use server';

import { registryImportAction } from '@/data/registries-import';

/** Checks an uploaded file, or imports its valid rows: staff and admins only ('registry.import'). */
export const importCitiesAction = registryImportAction('cities');
