import { and, asc, eq, ilike, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { needsConfirmation, type RegistryListParams } from '@/lib/validation/registries';
import type { ClusterInput } from '@/lib/validation/registries-forms';
import type { Db } from '../../client';
import { cities, clusterMembers, clusters, clusterStageHistory } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import { changedFields, countReferences, derivedIndicatorReference, fieldError, latestChange, likePattern, orderBy, paginate, type Page, type Reference, type WriteResult, setArchived } from './shared';

// The cluster registry: sectoral city clusters, their dated stages (proposed → established → functional) and
// member cities with joining and leaving dates. The form's `status` field is the cluster's stage.

export type Cluster = typeof clusters.$inferSelect;
export interface ClusterListItem extends Cluster {
  leadCity: string | null;
  leadCityZh: string | null;
  memberCount: number;
}

const sortColumns: Record<string, SQL> = {
  name: sql`lower(${clusters.name})`,
  sector: sql`lower(${clusters.sector})`,
  stage: sql`${clusters.stage}`,
};

function listWhere(params: RegistryListParams): SQL | undefined {
  const q = params.q?.trim();
  return and(
    params.archived ? isNotNull(clusters.archivedAt) : isNull(clusters.archivedAt),
    q ? or(ilike(clusters.name, likePattern(q)), ilike(clusters.nameZh, likePattern(q)), ilike(clusters.sector, likePattern(q)), ilike(clusters.description, likePattern(q))) : undefined,
    params.status ? sql`${clusters.stage}::text = ${params.status}` : undefined,
    params.sector ? sql`lower(${clusters.sector}) = lower(${params.sector})` : undefined,
  );
}

// Current members: joined and not yet left (as of today's date in the database).
const memberCount = sql<number>`(select count(*)::int from cluster_members m where m.cluster_id = "clusters"."id" and m.left_on is null)`;

export async function listClusters(db: Db, params: RegistryListParams): Promise<Page<ClusterListItem>> {
  const where = listWhere(params);
  const sort = sortColumns[params.sort ?? ''] ?? sortColumns.name!;
  return paginate(
    params.page,
    (limit, offset) =>
      db
        .select({ cluster: clusters, leadCity: cities.name, leadCityZh: cities.nameZh, memberCount })
        .from(clusters)
        .leftJoin(cities, eq(cities.id, clusters.leadCityId))
        .where(where)
        .orderBy(orderBy(sort, params.dir, sql`${clusters.id}`))
        .limit(limit)
        .offset(offset)
        .then((rows) => rows.map((r) => ({ ...r.cluster, leadCity: r.leadCity, leadCityZh: r.leadCityZh, memberCount: r.memberCount }))),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(clusters).where(where))[0]?.n ?? 0,
  );
}

export async function allClusters(db: Db, params: RegistryListParams) {
  const sort = sortColumns[params.sort ?? ''] ?? sortColumns.name!;
  const rows = await db
    .select({ cluster: clusters, leadCity: cities.name, memberCount })
    .from(clusters)
    .leftJoin(cities, eq(cities.id, clusters.leadCityId))
    .where(listWhere(params))
    .orderBy(orderBy(sort, params.dir, sql`${clusters.id}`));
  return rows.map((r) => ({ ...r.cluster, leadCity: r.leadCity ?? '', memberCount: r.memberCount }));
}

export async function sectorOptions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ sector: clusters.sector }).from(clusters).orderBy(clusters.sector);
  return rows.map((r) => r.sector);
}

export async function findCluster(db: DbOrTx, id: number): Promise<Cluster | undefined> {
  const [row] = await db.select().from(clusters).where(eq(clusters.id, id));
  return row;
}

export async function clusterMemberList(db: Db, clusterId: number) {
  return db
    .select({ id: clusterMembers.id, cityId: cities.id, city: cities.name, cityZh: cities.nameZh, country: cities.country, joinedOn: clusterMembers.joinedOn, leftOn: clusterMembers.leftOn })
    .from(clusterMembers)
    .innerJoin(cities, eq(cities.id, clusterMembers.cityId))
    .where(eq(clusterMembers.clusterId, clusterId))
    .orderBy(asc(clusterMembers.joinedOn), asc(cities.name));
}

const auditView = (c: Pick<Cluster, 'name' | 'nameZh' | 'sector' | 'leadCityId' | 'stage' | 'description' | 'descriptionZh'>) => ({
  name: c.name, nameZh: c.nameZh, sector: c.sector, leadCityId: c.leadCityId, stage: c.stage, description: c.description, descriptionZh: c.descriptionZh,
});

async function duplicate(tx: DbOrTx, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await tx.select({ id: clusters.id }).from(clusters).where(and(sql`lower(${clusters.name}) = lower(${name})`, exceptId ? ne(clusters.id, exceptId) : undefined));
  return row !== undefined;
}

async function liveCity(tx: DbOrTx, id: number | null): Promise<boolean> {
  if (id === null) return true;
  const [row] = await tx.select({ id: cities.id }).from(cities).where(and(eq(cities.id, id), isNull(cities.archivedAt)));
  return row !== undefined;
}

function fields(input: ClusterInput) {
  return {
    name: input.name, nameZh: input.nameZh, sector: input.sector, leadCityId: input.leadCityId, stage: input.status,
    description: input.description, descriptionZh: input.descriptionZh,
  };
}

export async function createCluster(db: Db, input: ClusterInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    if (await duplicate(tx, input.name)) return fieldError('name', 'duplicateCluster');
    if (!(await liveCity(tx, input.leadCityId))) return fieldError('leadCityId', 'unknownCity');
    const [row] = await tx.insert(clusters).values(fields(input)).returning();
    await tx.insert(clusterStageHistory).values({ clusterId: row!.id, stage: input.status, changedOn: input.statusDate, changedBy: actorId });
    await writeAudit(tx, { actorId, action: 'cluster.create', entityType: 'cluster', entityId: row!.id, after: auditView(row!) });
    return { ok: true, record: { id: row!.id } };
  });
}

export async function updateCluster(db: Db, id: number, input: ClusterInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [current] = await tx.select().from(clusters).where(eq(clusters.id, id)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    if (await duplicate(tx, input.name, id)) return fieldError('name', 'duplicateCluster');
    if (!(await liveCity(tx, input.leadCityId))) return fieldError('leadCityId', 'unknownCity');
    const stageChanged = current.stage !== input.status;
    if (stageChanged) {
      if (needsConfirmation('cluster', current.stage, input.status) && !input.confirm) {
        return { ok: false, error: 'needs_confirmation', from: current.stage, to: input.status };
      }
      const last = await latestChange(tx, 'cluster', id);
      if (last && input.statusDate < last.changedOn) return fieldError('statusDate', 'statusDateBeforeLast');
      await tx.insert(clusterStageHistory).values({ clusterId: id, stage: input.status, changedOn: input.statusDate, changedBy: actorId });
    }
    const [row] = await tx.update(clusters).set(fields(input)).where(eq(clusters.id, id)).returning();
    const diff = changedFields(auditView(current), auditView(row!));
    if (diff) await writeAudit(tx, { actorId, action: 'cluster.update', entityType: 'cluster', entityId: id, before: diff.before, after: { ...diff.after, ...(stageChanged ? { stageDate: input.statusDate } : {}) } });
    return { ok: true, record: { id }, changed: diff !== undefined };
  });
}

/** Adds a member city; a city already a current member of the cluster is refused. */
export async function addClusterMember(db: Db, input: { clusterId: number; cityId: number; joinedOn: string }, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    if (!(await findCluster(tx, input.clusterId))) return { ok: false, error: 'not_found' };
    if (!(await liveCity(tx, input.cityId))) return fieldError('cityId', 'unknownCity');
    const [existing] = await tx
      .select({ id: clusterMembers.id })
      .from(clusterMembers)
      .where(and(eq(clusterMembers.clusterId, input.clusterId), eq(clusterMembers.cityId, input.cityId), isNull(clusterMembers.leftOn)));
    if (existing) return fieldError('cityId', 'alreadyMember');
    const [row] = await tx.insert(clusterMembers).values(input).returning();
    await writeAudit(tx, { actorId, action: 'cluster.member_add', entityType: 'cluster', entityId: input.clusterId, after: { cityId: input.cityId, joinedOn: input.joinedOn } });
    return { ok: true, record: { id: row!.id } };
  });
}

/** Ends a membership on `leftOn` (not before it began): the history keeps it. */
export async function endClusterMembership(db: Db, input: { memberId: number; leftOn: string }, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [member] = await tx.select().from(clusterMembers).where(eq(clusterMembers.id, input.memberId)).for('update');
    if (!member || member.leftOn !== null) return { ok: false, error: 'not_found' };
    if (input.leftOn < member.joinedOn) return fieldError('leftOn', 'leftBeforeJoined');
    await tx.update(clusterMembers).set({ leftOn: input.leftOn }).where(eq(clusterMembers.id, member.id));
    await writeAudit(tx, { actorId, action: 'cluster.member_leave', entityType: 'cluster', entityId: member.clusterId, before: { cityId: member.cityId, leftOn: null }, after: { cityId: member.cityId, leftOn: input.leftOn } });
    return { ok: true, record: { id: member.clusterId } };
  });
}

/** Archiving takes the record out of lists, forms and indicators; its history stays. Restoring undoes it. */
export function setClusterArchived(db: Db, id: number, archived: boolean, actorId: string | null): Promise<WriteResult> {
  return setArchived(db, 'cluster', id, archived, actorId);
}

export async function clusterReferences(db: DbOrTx, id: number): Promise<Reference[]> {
  const refs = await countReferences(db, [{ kind: 'progressUpdates', query: sql`select count(*) from progress_updates where cluster_id = ${id}` }]);
  const derived = await derivedIndicatorReference(
    db,
    ['clusters_established', 'clusters_functional', 'cluster_memberships'],
    sql`(exists (select 1 from cluster_stage_history h where h.cluster_id = ${id} and h.stage in ('established', 'functional'))
        or exists (select 1 from cluster_members m where m.cluster_id = ${id}))`,
  );
  return derived ? [...refs, derived] : refs;
}

export async function deleteCluster(db: Db, id: number, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [current] = await tx.select().from(clusters).where(eq(clusters.id, id)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    const references = await clusterReferences(tx, id);
    if (references.length > 0) return { ok: false, error: 'referenced', references };
    await tx.delete(clusterMembers).where(eq(clusterMembers.clusterId, id));
    await tx.delete(clusterStageHistory).where(eq(clusterStageHistory.clusterId, id));
    await tx.delete(clusters).where(eq(clusters.id, id));
    await writeAudit(tx, { actorId, action: 'cluster.delete', entityType: 'cluster', entityId: id, before: auditView(current) });
    return { ok: true, record: { id } };
  });
}
