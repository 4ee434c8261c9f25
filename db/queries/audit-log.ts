import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog, users } from '../schema';

/** Browsing and exporting the audit log (/admin/audit). Newest first; pages by id (keyset), never by offset. */

export interface AuditFilters {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Inclusive calendar dates (UTC), YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export interface AuditEntryRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

function conditions(f: AuditFilters): SQL | undefined {
  const list: SQL[] = [];
  if (f.actorId) list.push(eq(auditLog.actorId, f.actorId));
  if (f.entityType) list.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) list.push(eq(auditLog.entityId, f.entityId));
  if (f.action) list.push(eq(auditLog.action, f.action));
  if (f.from) list.push(gte(auditLog.at, sql`${f.from}::date`));
  if (f.to) list.push(lt(auditLog.at, sql`${f.to}::date + 1`));
  return list.length ? and(...list) : undefined;
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: users.name,
  actorEmail: users.email,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
};

/** One page of entries older than `beforeId` (or the newest), plus whether more follow. */
export async function auditPage(
  db: Db,
  filters: AuditFilters,
  options: { beforeId?: number; limit?: number } = {},
): Promise<{ rows: AuditEntryRow[]; nextBeforeId: number | null }> {
  const limit = options.limit ?? 50;
  const where = and(conditions(filters), options.beforeId ? lt(auditLog.id, options.beforeId) : undefined);
  const rows = await db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { rows: page, nextBeforeId: more ? page[page.length - 1]!.id : null };
}

/** Every matching entry, newest first, in batches (for the CSV export), at most `max` rows. */
export async function* auditBatches(db: Db, filters: AuditFilters, max = 100_000, batch = 1000): AsyncGenerator<AuditEntryRow[]> {
  let beforeId: number | undefined;
  let sent = 0;
  while (sent < max) {
    const { rows, nextBeforeId } = await auditPage(db, filters, { beforeId, limit: Math.min(batch, max - sent) });
    if (rows.length) yield rows;
    sent += rows.length;
    if (nextBeforeId === null) return;
    beforeId = nextBeforeId;
  }
}

/** The choices of the filter form: who appears in the log, and which entity types and actions exist. */
export async function auditFilterOptions(db: Db) {
  const [actors, entityTypes, actions] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .innerJoin(auditLog, eq(auditLog.actorId, users.id))
      .orderBy(users.name),
    db.selectDistinct({ value: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
    db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(auditLog.action),
  ]);
  return { actors, entityTypes: entityTypes.map((r) => r.value), actions: actions.map((r) => r.value) };
}

