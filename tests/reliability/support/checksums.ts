import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/queries/raw';

/** Tables where a refused request may legitimately leave a row: the security events the refusal records. */
export const securityEventTables = ['sign_in_attempts', 'sign_in_throttles'];

export type Checksums = Record<string, { rows: number; sum: string }>;

let cachedTables: { key: string; tables: string[] } | undefined;

async function tableNames(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.name);
}

/**
 * Per table: the row count and an order-independent checksum of every row's full text (sum of 64-bit
 * hashes of md5(row)). Two states with equal checksums for every table hold the same rows.
 */
export async function tableChecksums(db: Db, options: { exclude?: string[]; cacheKey?: string } = {}): Promise<Checksums> {
  const exclude = new Set(options.exclude ?? []);
  if (!cachedTables || cachedTables.key !== options.cacheKey || !options.cacheKey) {
    cachedTables = { key: options.cacheKey ?? '', tables: await tableNames(db) };
  }
  const tables = cachedTables.tables.filter((t) => !exclude.has(t));
  const rows = await queryRows<{ name: string; rows: number; sum: string }>(db, sql.raw(checksumSql(tables)));
  return toChecksums(rows);
}

/** One query for every table's count and checksum (the table names come from information_schema). */
export function checksumSql(tables: string[]): string {
  return tables
    .map(
      (t) =>
        `select '${t}' as name, count(*)::int as rows, coalesce(sum(('x' || left(md5(x::text), 16))::bit(64)::bigint::numeric), 0)::text as sum from "${t}" x`,
    )
    .join(' union all ');
}

export const tablesSql = `select table_name as name from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;

export function toChecksums(rows: { name: string; rows: number; sum: string }[]): Checksums {
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), sum: String(r.sum) }]));
}

/** The tables whose checksum differs between two states. */
export function changedTables(a: Checksums, b: Checksums): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n]?.rows !== b[n]?.rows || a[n]?.sum !== b[n]?.sum).sort();
}
