'use server';

import { defineAction } from '@/data/action';
import { registryChange, withAttempt } from '@/data/registry-actions';
import { registryRecordActions } from '@/data/registry-kits';
import { refused } from '@/data/registries-forms';
import { clusterLeaveFormSchema, clusterMemberFormSchema } from '@/lib/validation/registries-forms';
import { addClusterMember, endClusterMembership } from '@/data/writes/registries';

/** The cluster registry's server actions: the shared record actions, and a cluster's members joining and leaving. */
export const createClusterAction = registryRecordActions.clusters.create;
export const updateClusterAction = registryRecordActions.clusters.update;
export const archiveClusterAction = registryRecordActions.clusters.archive;
export const deleteClusterAction = registryRecordActions.clusters.remove;

/** Joining and leaving share their steps; only the schema, the write and the message differ. */
const membership = { policy: 'registry.edit', invalidMessage: 'registries.validation.form', finish: withAttempt } as const;

export const addClusterMemberAction = defineAction({
  ...membership,
  schema: clusterMemberFormSchema,
  body: async ({ db, actor, input, values, t }) => {
    const result = await addClusterMember(db, input, actor.id);
    if (!result.ok) return refused(t, result, values);
    return { ok: true, message: t('registries.clusters.members.added'), invalidate: [registryChange('/clusters', input.clusterId)] };
  },
});

export const endClusterMembershipAction = defineAction({
  ...membership,
  schema: clusterLeaveFormSchema,
  body: async ({ db, actor, input, values, t }) => {
    const result = await endClusterMembership(db, input, actor.id);
    if (!result.ok) return refused(t, result, values);
    return { ok: true, message: t('registries.clusters.members.left'), invalidate: [registryChange('/clusters', result.record.id)] };
  },
});
