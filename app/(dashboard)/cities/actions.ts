'use server';

import { createCity, deleteCity, setCityArchived, updateCity } from '@/db/queries/registries/cities';
import { registryActions } from '@/data/registry-actions';
import { cityFormFields, cityFormSchema } from '@/lib/validation/registries-forms';

/** The city registry's server actions: the shared record actions of data/registry-actions.ts. */
const actions = registryActions({
  path: '/cities',
  fields: cityFormFields,
  statusLabels: 'registries.values.cityStatus',
  schema: cityFormSchema,
  create: createCity,
  update: updateCity,
  setArchived: setCityArchived,
  remove: deleteCity,
});

export const createCityAction = actions.create;
export const updateCityAction = actions.update;
export const archiveCityAction = actions.archive;
export const deleteCityAction = actions.remove;
