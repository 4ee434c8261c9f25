import { sql, type SQL } from 'drizzle-orm';
import { PAGE_SIZE } from '@/lib/validation/registries';
import type { Db } from '../../client';
import { writeAudit, type DbOrTx } from '../audit';
import { queryRows } from '../raw';

/**
 * What the five registries share: results of writes (expected refusals are results, not exceptions),
 * pagination, the dated history and audit trail of a record, and the reference checks that refuse deletes.
 *
 * Pagination is by OFFSET over an index-ordered scan, with a separate count: at the registries' scale (up to
 * some 10,000 rows each) an offset page costs a few milliseconds, and it keeps what the list pages need — any
 * sortable column, filters in the URL, "page N of M" links. Keyset pagination would be the choice for the
 * unbounded progress updates, not here. Searches use ILIKE, a scan of at most those 10,000 rows.
 *
 * Correlated subqueries name the outer row as "partners"."id" (not ${partners.id}): drizzle leaves a column
 * unqualified in a single-table select, and inside the subquery "id" would bind to a joined table's id.
 */

export type Entity = 'city' | 'partner' | 'cluster' | 'support_request' | 'activity';

export interface Reference {
  /** Message key under registries.references. */
  kind: string;
  count: number;
  /** e.g. indicator codes that are computed from the record. */
  detail?: string;
}

export type WriteResult<T = { id: number }> =
  | { ok: true; record: T; changed?: boolean }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'field'; field: string; messageKey: string }
  | { ok: false; error: 'needs_confirmation'; from: string; to: string }
  | { ok: false; error: 'referenced'; references: Reference[] };

export const fieldError = (field: string, key: string): WriteResult<never> => ({ ok: false, error: 'field', field, messageKey: `registries.validation.${key}` });

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** Runs the page and the count; a page past the end is clamped to the last one. */
export async function paginate<T>(
  page: number | undefined,
  rows: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const total = await count();
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page ?? 1), pageCount);
  return { rows: await rows(PAGE_SIZE, (current - 1) * PAGE_SIZE), total, page: current, pageCount, pageSize: PAGE_SIZE };
}

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const historyTables: Record<Exclude<Entity, 'activity'>, { table: string; key: string; status: string }> = {
  city: { table: 'city_status_history', key: 'city_id', status: 'status' },
  partner: { table: 'partner_status_history', key: 'partner_id', status: 'status' },
  cluster: { table: 'cluster_stage_history', key: 'cluster_id', status: 'stage' },
  support_request: { table: 'support_request_status_history', key: 'request_id', status: 'status' },
};

export interface HistoryRow {
  id: number;
  status: string;
  changedOn: string;
  changedBy: string | null;
  note: string | null;
}

/** A record's dated status (or stage) changes, newest first. */
export async function statusHistory(db: DbOrTx, entity: Exclude<Entity, 'activity'>, id: number): Promise<HistoryRow[]> {
  const h = historyTables[entity];
  return queryRows<HistoryRow>(
    db as Db,
    sql`select h.id, h.${sql.raw(h.status)}::text as status, h.changed_on::text as "changedOn", u.name as "changedBy", h.note
        from ${sql.raw(h.table)} h left join users u on u.id = h.changed_by
        where h.${sql.raw(h.key)} = ${id}
        order by h.changed_on desc, h.id desc`,
  );
}

/** The latest change on record: new changes may not be dated before it (dates in order). */
export async function latestChange(db: DbOrTx, entity: Exclude<Entity, 'activity'>, id: number): Promise<HistoryRow | undefined> {
  return (await statusHistory(db, entity, id))[0];
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** The audit trail of one record, newest first (uses audit_log_entity_idx). */
export async function auditTrail(db: Db, entity: Entity, id: number, limit = 50): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    db,
    sql`select a.id::int as id, a.at::text as at, u.name as actor, a.action, a.before, a.after
        from audit_log a left join users u on u.id = a.actor_id
        where a.entity_type = ${entity} and a.entity_id = ${String(id)}
        order by a.at desc, a.id desc limit ${limit}`,
  );
}

/** Counts of what refers to a record; the kinds with a count of zero are left out. */
export async function countReferences(db: DbOrTx, checks: { kind: string; query: SQL }[]): Promise<Reference[]> {
  const out: Reference[] = [];
  for (const check of checks) {
    const [row] = await queryRows<{ n: number }>(db as Db, sql`select (${check.query})::int as n`);
    if ((row?.n ?? 0) > 0) out.push({ kind: check.kind, count: row!.n });
  }
  return out;
}

/**
 * The codes of live derived indicators computed from a registry, when the record has ever counted for them
 * (`counted` is an SQL boolean about the record): deleting it would silently change past values.
 */
export async function derivedIndicatorReference(db: DbOrTx, derivedKeys: string[], counted: SQL): Promise<Reference | undefined> {
  if (derivedKeys.length === 0) return undefined;
  const keys = sql.join(
    derivedKeys.map((k) => sql`${k}`),
    sql`, `,
  );
  const rows = await queryRows<{ code: string }>(
    db as Db,
    sql`select distinct i.code from indicators i
        where i.source = 'derived' and i.retired_at is null and i.derived_key in (${keys}) and (${counted})
        order by i.code`,
  );
  if (rows.length === 0) return undefined;
  return { kind: 'derivedIndicators', count: rows.length, detail: rows.map((r) => r.code).join(', ') };
}

/** A Postgres unique violation (23505), whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Only the fields that changed, for the audit row's before/after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | undefined {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? undefined : { before: b, after: a };
}

/** Sort direction and the tie-breaker by id, so that pages never overlap or skip rows. */
export function orderBy(column: SQL, dir: 'asc' | 'desc' | undefined, id: SQL): SQL {
  return dir === 'desc' ? sql`${column} desc nulls last, ${id} desc` : sql`${column} asc nulls last, ${id} asc`;
}

/** Each registry's table, and the column its archive audit rows name the record by. */
const archiveTables: Record<Entity, { table: string; label?: 'name' | 'title' }> = {
  city: { table: 'cities', label: 'name' },
  partner: { table: 'partners', label: 'name' },
  cluster: { table: 'clusters', label: 'name' },
  support_request: { table: 'support_requests' },
  activity: { table: 'activities', label: 'title' },
};

/**
 * Archiving takes a record out of lists, forms and indicators; its history stays. Restoring undoes it. Archiving
 * an archived record (or restoring a live one) changes nothing and writes no audit row.
 */
export async function setArchived(db: Db, entity: Entity, id: number, archived: boolean, actorId: string | null): Promise<WriteResult> {
  const { table, label } = archiveTables[entity];
  return db.transaction(async (tx): Promise<WriteResult> => {
    const q = tx as unknown as Db;
    const [row] = await queryRows<{ label: string | null }>(
      q,
      sql`update ${sql.identifier(table)} set archived_at = ${archived ? sql`now()` : sql`null`}
          where id = ${id} and ${archived ? sql`archived_at is null` : sql`archived_at is not null`}
          returning ${label ? sql.identifier(label) : sql`null`} as label`,
    );
    if (!row) {
      const exists = await queryRows(q, sql`select 1 from ${sql.identifier(table)} where id = ${id}`);
      return exists.length ? { ok: true, record: { id }, changed: false } : { ok: false, error: 'not_found' };
    }
    await writeAudit(tx, {
      actorId,
      action: `${entity}.${archived ? 'archive' : 'restore'}`,
      entityType: entity,
      entityId: id,
      after: label ? { [label]: row.label } : undefined,
    });
    return { ok: true, record: { id }, changed: true };
  });
}

export type CityRef = { id: number; name: string; country: string };

/** Resolves "Name" or "Name (Country)" to a live city; undefined when unknown or ambiguous. */
export function cityResolver(cities: CityRef[]) {
  const byName = new Map<string, CityRef[]>();
  for (const c of cities) byName.set(c.name.toLowerCase(), [...(byName.get(c.name.toLowerCase()) ?? []), c]);
  return (text: string): number | undefined => {
    const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
    const name = (m ? m[1]! : text).trim().toLowerCase();
    const matches = (byName.get(name) ?? []).filter((c) => !m || c.country.toLowerCase() === m[2]!.trim().toLowerCase());
    return matches.length === 1 ? matches[0]!.id : undefined;
  };
}
