import 'server-only';
import { createActivity, deleteActivity, setActivityArchived, updateActivity } from '@/db/queries/registries/activities';
import { createCity, deleteCity, setCityArchived, updateCity } from '@/db/queries/registries/cities';
import { createCluster, deleteCluster, setClusterArchived, updateCluster } from '@/db/queries/registries/clusters';
import { createPartner, deletePartner, setPartnerArchived, updatePartner } from '@/db/queries/registries/partners';
import {
  createSupportRequest,
  deleteSupportRequest,
  setSupportRequestArchived,
  updateSupportRequest,
} from '@/db/queries/registries/support-requests';
import {
  activityFormFields,
  activityFormSchema,
  cityFormFields,
  cityFormSchema,
  clusterFormFields,
  clusterFormSchema,
  partnerFormFields,
  partnerFormSchema,
  supportRequestFormFields,
  supportRequestFormSchema,
} from '@/lib/validation/registries-forms';
import { registryActions } from './registry-actions';

/** Each registry's form and write functions, in one table: the record actions are made from these. */
export const registryRecordActions = {
  cities: registryActions({
    path: '/cities', fields: cityFormFields, schema: cityFormSchema, statusLabels: 'registries.values.cityStatus',
    create: createCity, update: updateCity, setArchived: setCityArchived, remove: deleteCity,
  }),
  partners: registryActions({
    path: '/partners', fields: partnerFormFields, multi: ['cityIds'], schema: partnerFormSchema, statusLabels: 'registries.values.partnerStatus',
    create: createPartner, update: updatePartner, setArchived: setPartnerArchived, remove: deletePartner,
  }),
  clusters: registryActions({
    path: '/clusters', fields: clusterFormFields, schema: clusterFormSchema, statusLabels: 'registries.values.clusterStage',
    create: createCluster, update: updateCluster, setArchived: setClusterArchived, remove: deleteCluster,
  }),
  'support-requests': registryActions({
    path: '/support-requests', fields: supportRequestFormFields, schema: supportRequestFormSchema, statusLabels: 'registries.values.requestStatus',
    create: createSupportRequest, update: updateSupportRequest, setArchived: setSupportRequestArchived, remove: deleteSupportRequest,
  }),
  activities: registryActions({
    path: '/activities', fields: activityFormFields, multi: ['cityIds'], schema: activityFormSchema,
    create: createActivity, update: updateActivity, setArchived: setActivityArchived, remove: deleteActivity,
  }),
};
