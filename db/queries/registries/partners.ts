import { and, asc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { needsConfirmation, type PartnerStatus, type RegistryListParams } from '@/lib/validation/registries';
import type { PartnerInput } from '@/lib/validation/registries-forms';
import type { Db } from '../../client';
import { cities, partnerCities, partners, partnerStatusHistory } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import { changedFields, countReferences, derivedIndicatorReference, fieldError, latestChange, likePattern, orderBy, paginate, type Page, type Reference, type WriteResult, setArchived } from './shared';

// The partner registry: organisations, their dated status history (prospective → active → inactive →
// reactivated …) and the cities each works with.

export type Partner = typeof partners.$inferSelect;
export interface PartnerListItem extends Partner {
  cityCount: number;
}

const sortColumns: Record<string, SQL> = {
  name: sql`lower(${partners.name})`,
  type: sql`${partners.type}`,
  status: sql`${partners.status}`,
  since: sql`${partners.since}`,
};

function listWhere(params: RegistryListParams): SQL | undefined {
  const q = params.q?.trim();
  return and(
    params.archived ? isNotNull(partners.archivedAt) : isNull(partners.archivedAt),
    q ? or(ilike(partners.name, likePattern(q)), ilike(partners.nameZh, likePattern(q)), ilike(partners.notes, likePattern(q))) : undefined,
    params.status ? sql`${partners.status}::text = ${params.status}` : undefined,
    params.type ? eq(partners.type, params.type) : undefined,
    params.from ? sql`${partners.since} >= ${params.from}` : undefined,
    params.to ? sql`${partners.since} <= ${params.to}` : undefined,
    params.country
      ? sql`exists (select 1 from partner_cities pc join cities c on c.id = pc.city_id where pc.partner_id = "partners"."id" and lower(c.country) = lower(${params.country}))`
      : undefined,
  );
}

const cityCount = sql<number>`(select count(*)::int from partner_cities pc where pc.partner_id = "partners"."id")`;

export async function listPartners(db: Db, params: RegistryListParams): Promise<Page<PartnerListItem>> {
  const where = listWhere(params);
  const sort = sortColumns[params.sort ?? ''] ?? sortColumns.name!;
  return paginate(
    params.page,
    (limit, offset) =>
      db
        .select({ partner: partners, cityCount })
        .from(partners)
        .where(where)
        .orderBy(orderBy(sort, params.dir, sql`${partners.id}`))
        .limit(limit)
        .offset(offset)
        .then((rows) => rows.map((r) => ({ ...r.partner, cityCount: r.cityCount }))),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(partners).where(where))[0]?.n ?? 0,
  );
}

export async function allPartners(db: Db, params: RegistryListParams) {
  const sort = sortColumns[params.sort ?? ''] ?? sortColumns.name!;
  const rows = await db
    .select({ partner: partners, cities: sql<string | null>`(select string_agg(c.name, '; ' order by c.name) from partner_cities pc join cities c on c.id = pc.city_id where pc.partner_id = "partners"."id")` })
    .from(partners)
    .where(listWhere(params))
    .orderBy(orderBy(sort, params.dir, sql`${partners.id}`));
  return rows.map((r) => ({ ...r.partner, cities: r.cities ?? '' }));
}

export async function findPartner(db: DbOrTx, id: number): Promise<(Partner & { cityIds: number[] }) | undefined> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  if (!row) return undefined;
  const links = await db.select({ cityId: partnerCities.cityId }).from(partnerCities).where(eq(partnerCities.partnerId, id));
  return { ...row, cityIds: links.map((l) => l.cityId).sort((a, b) => a - b) };
}

export async function partnerCityNames(db: Db, id: number) {
  return db
    .select({ id: cities.id, name: cities.name, nameZh: cities.nameZh, country: cities.country })
    .from(partnerCities)
    .innerJoin(cities, eq(cities.id, partnerCities.cityId))
    .where(eq(partnerCities.partnerId, id))
    .orderBy(asc(cities.name));
}

const auditView = (p: Pick<Partner, 'name' | 'nameZh' | 'type' | 'status' | 'since' | 'viaNationalPartner' | 'notes'>, cityIds: number[]) => ({
  name: p.name, nameZh: p.nameZh, type: p.type, status: p.status, since: p.since, viaNationalPartner: p.viaNationalPartner, notes: p.notes, cityIds,
});

async function duplicate(tx: DbOrTx, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(sql`lower(${partners.name}) = lower(${name})`, exceptId ? ne(partners.id, exceptId) : undefined));
  return row !== undefined;
}

/** Linked cities must exist and be live. */
async function unknownCities(tx: DbOrTx, ids: number[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const rows = await tx.select({ id: cities.id }).from(cities).where(and(inArray(cities.id, ids), isNull(cities.archivedAt)));
  return rows.length !== new Set(ids).size;
}

/** "Since" defaults to the first day the partner became active. */
function sinceAfter(input: PartnerInput, current: string | null): string | null {
  if (input.since) return input.since;
  if (current) return current;
  return input.status === 'active' ? input.statusDate : null;
}

export async function createPartner(db: Db, input: PartnerInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    if (await duplicate(tx, input.name)) return fieldError('name', 'duplicatePartner');
    const cityIds = [...new Set(input.cityIds)].sort((a, b) => a - b);
    if (await unknownCities(tx, cityIds)) return fieldError('cityIds', 'unknownCity');
    const { statusDate, confirm: _confirm, cityIds: _ids, ...fields } = input;
    const [row] = await tx.insert(partners).values({ ...fields, since: sinceAfter(input, null) }).returning();
    await tx.insert(partnerStatusHistory).values({ partnerId: row!.id, status: input.status, changedOn: statusDate, changedBy: actorId });
    if (cityIds.length > 0) await tx.insert(partnerCities).values(cityIds.map((cityId) => ({ partnerId: row!.id, cityId })));
    await writeAudit(tx, { actorId, action: 'partner.create', entityType: 'partner', entityId: row!.id, after: auditView(row!, cityIds) });
    return { ok: true, record: { id: row!.id } };
  });
}

export async function updatePartner(db: Db, id: number, input: PartnerInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [current] = await tx.select().from(partners).where(eq(partners.id, id)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    if (await duplicate(tx, input.name, id)) return fieldError('name', 'duplicatePartner');
    const cityIds = [...new Set(input.cityIds)].sort((a, b) => a - b);
    if (await unknownCities(tx, cityIds)) return fieldError('cityIds', 'unknownCity');
    const statusChanged = current.status !== input.status;
    if (statusChanged) {
      if (needsConfirmation('partner', current.status, input.status) && !input.confirm) {
        return { ok: false, error: 'needs_confirmation', from: current.status, to: input.status };
      }
      const last = await latestChange(tx, 'partner', id);
      if (last && input.statusDate < last.changedOn) return fieldError('statusDate', 'statusDateBeforeLast');
      await tx.insert(partnerStatusHistory).values({ partnerId: id, status: input.status as PartnerStatus, changedOn: input.statusDate, changedBy: actorId });
    }
    const before = (await findPartner(tx, id))!;
    const { statusDate, confirm: _confirm, cityIds: _ids, ...fields } = input;
    const [row] = await tx.update(partners).set({ ...fields, since: sinceAfter(input, current.since) }).where(eq(partners.id, id)).returning();
    await tx.delete(partnerCities).where(eq(partnerCities.partnerId, id));
    if (cityIds.length > 0) await tx.insert(partnerCities).values(cityIds.map((cityId) => ({ partnerId: id, cityId })));
    const diff = changedFields(auditView(current, before.cityIds), auditView(row!, cityIds));
    if (diff) await writeAudit(tx, { actorId, action: 'partner.update', entityType: 'partner', entityId: id, before: diff.before, after: { ...diff.after, ...(statusChanged ? { statusDate } : {}) } });
    return { ok: true, record: { id }, changed: diff !== undefined };
  });
}

/** Archiving takes the record out of lists, forms and indicators; its history stays. Restoring undoes it. */
export function setPartnerArchived(db: Db, id: number, archived: boolean, actorId: string | null): Promise<WriteResult> {
  return setArchived(db, 'partner', id, archived, actorId);
}

export async function partnerReferences(db: DbOrTx, id: number): Promise<Reference[]> {
  const refs = await countReferences(db, [{ kind: 'progressUpdates', query: sql`select count(*) from progress_updates where partner_id = ${id}` }]);
  const derived = await derivedIndicatorReference(
    db,
    ['partnerships_active', 'partnerships_new', 'partnerships_new_via_national_partner', 'partners_reactivated'],
    sql`exists (select 1 from partner_status_history h where h.partner_id = ${id} and h.status in ('active', 'reactivated'))`,
  );
  return derived ? [...refs, derived] : refs;
}

export async function deletePartner(db: Db, id: number, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const current = await findPartner(tx, id);
    if (!current) return { ok: false, error: 'not_found' };
    const references = await partnerReferences(tx, id);
    if (references.length > 0) return { ok: false, error: 'referenced', references };
    await tx.delete(partnerCities).where(eq(partnerCities.partnerId, id));
    await tx.delete(partnerStatusHistory).where(eq(partnerStatusHistory.partnerId, id));
    await tx.delete(partners).where(eq(partners.id, id));
    await writeAudit(tx, { actorId, action: 'partner.delete', entityType: 'partner', entityId: id, before: auditView(current, current.cityIds) });
    return { ok: true, record: { id } };
  });
}
