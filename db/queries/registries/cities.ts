import { and, eq, ilike, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { needsConfirmation, type CityStatus, type RegistryListParams } from '@/lib/validation/registries';
import type { CityInput } from '@/lib/validation/registries-forms';
import type { Db } from '../../client';
import { cities, cityStatusHistory } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import { changedFields, countReferences, derivedIndicatorReference, fieldError, latestChange, likePattern, orderBy, paginate, type Page, type Reference, type WriteResult, setArchived } from './shared';

// The city registry: list, detail, create, edit (status changes go to city_status_history), archive, delete.

export type City = typeof cities.$inferSelect;

const sortColumns: Record<string, SQL> = {
  name: sql`lower(${cities.name})`,
  country: sql`lower(${cities.country})`,
  region: sql`${cities.region}`,
  status: sql`${cities.status}`,
  engagedOn: sql`${cities.engagedOn}`,
};

function listWhere(params: RegistryListParams): SQL | undefined {
  const q = params.q?.trim();
  return and(
    params.archived ? isNotNull(cities.archivedAt) : isNull(cities.archivedAt),
    q ? or(ilike(cities.name, likePattern(q)), ilike(cities.nameZh, likePattern(q)), ilike(cities.country, likePattern(q)), ilike(cities.focalPoint, likePattern(q))) : undefined,
    params.status ? sql`${cities.status}::text = ${params.status}` : undefined,
    params.region ? eq(cities.region, params.region) : undefined,
    params.country ? sql`lower(${cities.country}) = lower(${params.country})` : undefined,
    params.from ? sql`${cities.engagedOn} >= ${params.from}` : undefined,
    params.to ? sql`${cities.engagedOn} <= ${params.to}` : undefined,
  );
}

/** One page of cities as the URL asks (search, filters, sort). */
export async function listCities(db: Db, params: RegistryListParams): Promise<Page<City>> {
  const where = listWhere(params);
  const sort = sortColumns[params.sort ?? ''] ?? sortColumns.name!;
  return paginate(
    params.page,
    (limit, offset) => db.select().from(cities).where(where).orderBy(orderBy(sort, params.dir, sql`${cities.id}`)).limit(limit).offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(cities).where(where))[0]?.n ?? 0,
  );
}

/** Every city matching the filters, for exports (no paging). */
export async function allCities(db: Db, params: RegistryListParams): Promise<City[]> {
  const sort = sortColumns[params.sort ?? ''] ?? sortColumns.name!;
  return db.select().from(cities).where(listWhere(params)).orderBy(orderBy(sort, params.dir, sql`${cities.id}`));
}

export async function findCity(db: DbOrTx, id: number): Promise<City | undefined> {
  const [row] = await db.select().from(cities).where(eq(cities.id, id));
  return row;
}

/** Names for the select lists of other registries' forms (live cities only). */
export async function cityOptions(db: Db): Promise<{ id: number; name: string; nameZh: string | null; country: string }[]> {
  return db
    .select({ id: cities.id, name: cities.name, nameZh: cities.nameZh, country: cities.country })
    .from(cities)
    .where(isNull(cities.archivedAt))
    .orderBy(sql`lower(${cities.name})`, cities.country);
}

export async function countryOptions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ country: cities.country }).from(cities).orderBy(cities.country);
  return rows.map((r) => r.country);
}

type AuditedField = 'name' | 'nameZh' | 'country' | 'region' | 'latitude' | 'longitude' | 'status' | 'engagedOn' | 'focalPoint' | 'description' | 'descriptionZh' | 'notes';
const auditView = (c: Pick<City, AuditedField>) => ({
  name: c.name, nameZh: c.nameZh, country: c.country, region: c.region, latitude: c.latitude, longitude: c.longitude,
  status: c.status, engagedOn: c.engagedOn, focalPoint: c.focalPoint, description: c.description, descriptionZh: c.descriptionZh, notes: c.notes,
});

async function duplicate(tx: DbOrTx, input: Pick<CityInput, 'name' | 'country'>, exceptId?: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: cities.id })
    .from(cities)
    .where(and(sql`lower(${cities.name}) = lower(${input.name})`, sql`lower(${cities.country}) = lower(${input.country})`, exceptId ? ne(cities.id, exceptId) : undefined));
  return row !== undefined;
}

/** The engagement date kept on the row: set when a city becomes engaged or active from another status. */
function engagedOnAfter(previous: CityStatus | undefined, next: CityStatus, changedOn: string, current: string | null): string | null {
  const engagedNow = next === 'engaged' || next === 'active';
  const engagedBefore = previous === 'engaged' || previous === 'active';
  return engagedNow && !engagedBefore ? changedOn : current;
}

export async function createCity(db: Db, input: CityInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    if (await duplicate(tx, input)) return fieldError('name', 'duplicateCity');
    const { statusDate, confirm: _confirm, ...fields } = input;
    const [row] = await tx
      .insert(cities)
      .values({ ...fields, engagedOn: engagedOnAfter(undefined, input.status, statusDate, null) })
      .returning();
    await tx.insert(cityStatusHistory).values({ cityId: row!.id, status: input.status, changedOn: statusDate, changedBy: actorId });
    await writeAudit(tx, { actorId, action: 'city.create', entityType: 'city', entityId: row!.id, after: auditView(row!) });
    return { ok: true, record: { id: row!.id } };
  });
}

export async function updateCity(db: Db, id: number, input: CityInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [current] = await tx.select().from(cities).where(eq(cities.id, id)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    if (await duplicate(tx, input, id)) return fieldError('name', 'duplicateCity');
    const statusChanged = current.status !== input.status;
    if (statusChanged) {
      if (needsConfirmation('city', current.status, input.status) && !input.confirm) {
        return { ok: false, error: 'needs_confirmation', from: current.status, to: input.status };
      }
      const last = await latestChange(tx, 'city', id);
      if (last && input.statusDate < last.changedOn) return fieldError('statusDate', 'statusDateBeforeLast');
      await tx.insert(cityStatusHistory).values({ cityId: id, status: input.status, changedOn: input.statusDate, changedBy: actorId });
    }
    const { statusDate, confirm: _confirm, ...fields } = input;
    const engagedOn = statusChanged ? engagedOnAfter(current.status, input.status, statusDate, current.engagedOn) : current.engagedOn;
    const [row] = await tx.update(cities).set({ ...fields, engagedOn }).where(eq(cities.id, id)).returning();
    const diff = changedFields(auditView(current), auditView(row!));
    if (diff) await writeAudit(tx, { actorId, action: 'city.update', entityType: 'city', entityId: id, ...diff, after: { ...diff.after, ...(statusChanged ? { statusDate } : {}) } });
    return { ok: true, record: { id }, changed: diff !== undefined };
  });
}

/** Archiving takes the record out of lists, forms and indicators; its history stays. Restoring undoes it. */
export function setCityArchived(db: Db, id: number, archived: boolean, actorId: string | null): Promise<WriteResult> {
  return setArchived(db, 'city', id, archived, actorId);
}

/** What refers to a city; any reference refuses deletion (archive instead). */
export async function cityReferences(db: DbOrTx, id: number): Promise<Reference[]> {
  const refs = await countReferences(db, [
    { kind: 'progressUpdates', query: sql`select count(*) from progress_updates where city_id = ${id}` },
    { kind: 'partners', query: sql`select count(*) from partner_cities where city_id = ${id}` },
    { kind: 'clusterMemberships', query: sql`select count(*) from cluster_members where city_id = ${id}` },
    { kind: 'clustersLed', query: sql`select count(*) from clusters where lead_city_id = ${id}` },
    { kind: 'supportRequests', query: sql`select count(*) from support_requests where city_id = ${id}` },
    { kind: 'activities', query: sql`select count(*) from activity_cities where city_id = ${id}` },
  ]);
  const derived = await derivedIndicatorReference(
    db,
    ['cities_engaged'],
    sql`exists (select 1 from city_status_history h where h.city_id = ${id} and h.status in ('engaged', 'active'))`,
  );
  return derived ? [...refs, derived] : refs;
}

export async function deleteCity(db: Db, id: number, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [current] = await tx.select().from(cities).where(eq(cities.id, id)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    const references = await cityReferences(tx, id);
    if (references.length > 0) return { ok: false, error: 'referenced', references };
    await tx.delete(cityStatusHistory).where(eq(cityStatusHistory.cityId, id));
    await tx.delete(cities).where(eq(cities.id, id));
    await writeAudit(tx, { actorId, action: 'city.delete', entityType: 'city', entityId: id, before: auditView(current) });
    return { ok: true, record: { id } };
  });
}
