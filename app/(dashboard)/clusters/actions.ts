'use server';

import { addClusterMember, createCluster, deleteCluster, endClusterMembership, setClusterArchived, updateCluster } from '@/db/queries/registries/clusters';
import { defineAction } from '@/data/action';
import { registryActions, registryChange, withAttempt } from '@/data/registry-actions';
import { refused } from '@/data/registries-forms';
import { clusterFormFields, clusterFormSchema, clusterLeaveFormSchema, clusterMemberFormSchema } from '@/lib/validation/registries-forms';

/** The cluster registry's server actions: the shared record actions, and a cluster's members joining and leaving. */
const actions = registryActions({
  path: '/clusters',
  fields: clusterFormFields,
  statusLabels: 'registries.values.clusterStage',
  schema: clusterFormSchema,
  create: createCluster,
  update: updateCluster,
  setArchived: setClusterArchived,
  remove: deleteCluster,
});

export const createClusterAction = actions.create;
export const updateClusterAction = actions.update;
export const archiveClusterAction = actions.archive;
export const deleteClusterAction = actions.remove;

export const addClusterMemberAction = defineAction({
  policy: 'registry.edit',
  schema: clusterMemberFormSchema,
  invalidMessage: 'registries.validation.form',
  finish: withAttempt,
  body: async ({ db, actor, input, values, t }) => {
    const result = await addClusterMember(db, input, actor.id);
    if (!result.ok) return refused(t, result, values);
    return { ok: true, message: t('registries.clusters.members.added'), invalidate: [registryChange('/clusters', input.clusterId)] };
  },
});

export const endClusterMembershipAction = defineAction({
  policy: 'registry.edit',
  schema: clusterLeaveFormSchema,
  invalidMessage: 'registries.validation.form',
  finish: withAttempt,
  body: async ({ db, actor, input, values, t }) => {
    const result = await endClusterMembership(db, input, actor.id);
    if (!result.ok) return refused(t, result, values);
    return { ok: true, message: t('registries.clusters.members.left'), invalidate: [registryChange('/clusters', result.record.id)] };
  },
});
