import 'server-only';

/**
 * The registries' writes beyond the record actions of data/registry-kits.ts that server actions call (a cluster's
 * members): each a db/queries function that writes its change and its audit row in one transaction.
 */
export { addClusterMember, endClusterMembership } from '@/db/queries/registries/clusters';
