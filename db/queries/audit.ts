import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog } from '../schema';

/** A transaction or the database: audit rows are written with the change they describe, in its transaction. */
export type DbOrTx = Pick<Db, 'insert' | 'select' | 'update' | 'delete' | 'execute'>;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Never put secrets (password hashes, tokens, TOTP secrets) in before/after. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/**
 * The same row, said in one line at the write it describes: what was done, to which entity, by whom, and the
 * change (never secrets).
 */
export async function audit(
  db: DbOrTx,
  action: string,
  [entityType, entityId]: [string, string | number | null | undefined],
  actorId: string | null,
  change: { before?: unknown; after?: unknown } = {},
): Promise<void> {
  await writeAudit(db, { actorId, action, entityType, entityId, ...change });
}

/**
 * The audit rows of rows written by a data-modifying CTE of the same statement, for a write and its audit row in
 * one round trip: `with ins as (insert … returning *), audit as (${auditRowsFrom(…)}) select … from ins`. One audit
 * row per row of `from` (none when the write wrote none); `entityId`, `before` and `after` are SQL over that row
 * (jsonb for before/after), the rest as writeAudit stores them. Never put secrets in before/after.
 */
export function auditRowsFrom(
  from: SQL,
  entry: { actorId: string | null | SQLWrapper; action: string; entityType: string; entityId: SQL; before?: SQL; after?: SQL },
): SQL {
  const col = (c: { name: string }) => sql.identifier(c.name);
  return sql`insert into ${auditLog} (${col(auditLog.actorId)}, ${col(auditLog.action)}, ${col(auditLog.entityType)}, ${col(auditLog.entityId)}, ${col(auditLog.before)}, ${col(auditLog.after)})
    select cast(${entry.actorId} as uuid), cast(${entry.action} as text), cast(${entry.entityType} as text), cast(${entry.entityId} as text),
      ${entry.before ?? sql`null`}::jsonb, ${entry.after ?? sql`null`}::jsonb
    from ${from}`;
}
