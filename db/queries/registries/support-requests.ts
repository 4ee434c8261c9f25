import { and, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { needsConfirmation, type RegistryListParams } from '@/lib/validation/registries';
import type { SupportRequestInput } from '@/lib/validation/registries-forms';
import type { Db } from '../../client';
import { cities, supportRequests, supportRequestStatusHistory } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import { changedFields, countReferences, derivedIndicatorReference, fieldError, latestChange, likePattern, orderBy, paginate, type Page, type Reference, type WriteResult, setArchived } from './shared';

// The COVID-19 support request registry: city, need, received on, dated status (received → in progress →
// responded → closed), the response and its date (never before receipt).

export type SupportRequest = typeof supportRequests.$inferSelect;
export interface SupportRequestListItem extends SupportRequest {
  city: string;
  cityZh: string | null;
  country: string;
}

const sortColumns: Record<string, SQL> = {
  receivedOn: sql`${supportRequests.receivedOn}`,
  city: sql`lower(${cities.name})`,
  category: sql`${supportRequests.category}`,
  status: sql`${supportRequests.status}`,
  respondedOn: sql`${supportRequests.respondedOn}`,
};

function listWhere(params: RegistryListParams): SQL | undefined {
  const q = params.q?.trim();
  return and(
    params.archived ? isNotNull(supportRequests.archivedAt) : isNull(supportRequests.archivedAt),
    q ? or(ilike(supportRequests.description, likePattern(q)), ilike(supportRequests.response, likePattern(q)), ilike(cities.name, likePattern(q)), ilike(cities.nameZh, likePattern(q))) : undefined,
    params.status ? sql`${supportRequests.status}::text = ${params.status}` : undefined,
    params.category ? eq(supportRequests.category, params.category) : undefined,
    params.region ? eq(cities.region, params.region) : undefined,
    params.country ? sql`lower(${cities.country}) = lower(${params.country})` : undefined,
    params.from ? sql`${supportRequests.receivedOn} >= ${params.from}` : undefined,
    params.to ? sql`${supportRequests.receivedOn} <= ${params.to}` : undefined,
  );
}

function sortOf(params: RegistryListParams): { column: SQL; dir: 'asc' | 'desc' } {
  const column = sortColumns[params.sort ?? ''];
  // Newest first unless the user sorts otherwise.
  return column ? { column, dir: params.dir ?? 'asc' } : { column: sortColumns.receivedOn!, dir: params.dir ?? 'desc' };
}

export async function listSupportRequests(db: Db, params: RegistryListParams): Promise<Page<SupportRequestListItem>> {
  const where = listWhere(params);
  const { column, dir } = sortOf(params);
  return paginate(
    params.page,
    (limit, offset) =>
      db
        .select({ request: supportRequests, city: cities.name, cityZh: cities.nameZh, country: cities.country })
        .from(supportRequests)
        .innerJoin(cities, eq(cities.id, supportRequests.cityId))
        .where(where)
        .orderBy(orderBy(column, dir, sql`${supportRequests.id}`))
        .limit(limit)
        .offset(offset)
        .then((rows) => rows.map((r) => ({ ...r.request, city: r.city, cityZh: r.cityZh, country: r.country }))),
    async () =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(supportRequests).innerJoin(cities, eq(cities.id, supportRequests.cityId)).where(where))[0]?.n ?? 0,
  );
}

export async function allSupportRequests(db: Db, params: RegistryListParams): Promise<SupportRequestListItem[]> {
  const { column, dir } = sortOf(params);
  const rows = await db
    .select({ request: supportRequests, city: cities.name, cityZh: cities.nameZh, country: cities.country })
    .from(supportRequests)
    .innerJoin(cities, eq(cities.id, supportRequests.cityId))
    .where(listWhere(params))
    .orderBy(orderBy(column, dir, sql`${supportRequests.id}`));
  return rows.map((r) => ({ ...r.request, city: r.city, cityZh: r.cityZh, country: r.country }));
}

export async function findSupportRequest(db: DbOrTx, id: number): Promise<SupportRequestListItem | undefined> {
  const [row] = await db
    .select({ request: supportRequests, city: cities.name, cityZh: cities.nameZh, country: cities.country })
    .from(supportRequests)
    .innerJoin(cities, eq(cities.id, supportRequests.cityId))
    .where(eq(supportRequests.id, id));
  return row ? { ...row.request, city: row.city, cityZh: row.cityZh, country: row.country } : undefined;
}

const auditView = (r: Pick<SupportRequest, 'cityId' | 'category' | 'receivedOn' | 'status' | 'respondedOn' | 'closedOn' | 'description' | 'response'>) => ({
  cityId: r.cityId, category: r.category, receivedOn: r.receivedOn, status: r.status, respondedOn: r.respondedOn,
  closedOn: r.closedOn, description: r.description, response: r.response,
});

async function liveCity(tx: DbOrTx, id: number): Promise<boolean> {
  const [row] = await tx.select({ id: cities.id }).from(cities).where(and(eq(cities.id, id), isNull(cities.archivedAt)));
  return row !== undefined;
}

function fields(input: SupportRequestInput, closedOn: string | null) {
  return {
    cityId: input.cityId, category: input.category, receivedOn: input.receivedOn, status: input.status,
    respondedOn: input.respondedOn, closedOn, description: input.description, response: input.response,
  };
}

export async function createSupportRequest(db: Db, input: SupportRequestInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    if (!(await liveCity(tx, input.cityId))) return fieldError('cityId', 'unknownCity');
    const [row] = await tx.insert(supportRequests).values(fields(input, input.status === 'closed' ? input.statusDate : null)).returning();
    // The history starts on the day of receipt; a request recorded later in its life gets its current status too.
    const steps = [{ status: 'received' as const, changedOn: input.receivedOn }];
    if (input.status !== 'received') steps.push({ status: input.status as 'received', changedOn: input.statusDate });
    await tx.insert(supportRequestStatusHistory).values(steps.map((s) => ({ ...s, requestId: row!.id, changedBy: actorId })));
    await writeAudit(tx, { actorId, action: 'support_request.create', entityType: 'support_request', entityId: row!.id, after: auditView(row!) });
    return { ok: true, record: { id: row!.id } };
  });
}

export async function updateSupportRequest(db: Db, id: number, input: SupportRequestInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [current] = await tx.select().from(supportRequests).where(eq(supportRequests.id, id)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    if (current.cityId !== input.cityId && !(await liveCity(tx, input.cityId))) return fieldError('cityId', 'unknownCity');
    const statusChanged = current.status !== input.status;
    if (statusChanged) {
      if (needsConfirmation('request', current.status, input.status) && !input.confirm) {
        return { ok: false, error: 'needs_confirmation', from: current.status, to: input.status };
      }
      const last = await latestChange(tx, 'support_request', id);
      if (last && input.statusDate < last.changedOn) return fieldError('statusDate', 'statusDateBeforeLast');
      await tx.insert(supportRequestStatusHistory).values({ requestId: id, status: input.status, changedOn: input.statusDate, changedBy: actorId });
    }
    const closedOn = input.status === 'closed' ? (statusChanged ? input.statusDate : current.closedOn) : null;
    const [row] = await tx.update(supportRequests).set(fields(input, closedOn)).where(eq(supportRequests.id, id)).returning();
    const diff = changedFields(auditView(current), auditView(row!));
    if (diff) {
      await writeAudit(tx, { actorId, action: 'support_request.update', entityType: 'support_request', entityId: id, before: diff.before, after: { ...diff.after, ...(statusChanged ? { statusDate: input.statusDate } : {}) } });
    }
    return { ok: true, record: { id }, changed: diff !== undefined };
  });
}

/** Archiving takes the record out of lists, forms and indicators; its history stays. Restoring undoes it. */
export function setSupportRequestArchived(db: Db, id: number, archived: boolean, actorId: string | null): Promise<WriteResult> {
  return setArchived(db, 'support_request', id, archived, actorId);
}

export async function supportRequestReferences(db: DbOrTx, id: number): Promise<Reference[]> {
  const refs = await countReferences(db, []);
  const derived = await derivedIndicatorReference(
    db,
    ['covid_requests_responded', 'covid_requests_responded_within_30_days', 'covid_response_days_mean'],
    sql`exists (select 1 from support_requests r where r.id = ${id} and r.responded_on is not null)`,
  );
  return derived ? [...refs, derived] : refs;
}

export async function deleteSupportRequest(db: Db, id: number, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [current] = await tx.select().from(supportRequests).where(eq(supportRequests.id, id)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    const references = await supportRequestReferences(tx, id);
    if (references.length > 0) return { ok: false, error: 'referenced', references };
    await tx.delete(supportRequestStatusHistory).where(eq(supportRequestStatusHistory.requestId, id));
    await tx.delete(supportRequests).where(eq(supportRequests.id, id));
    await writeAudit(tx, { actorId, action: 'support_request.delete', entityType: 'support_request', entityId: id, before: auditView(current) });
    return { ok: true, record: { id } };
  });
}
