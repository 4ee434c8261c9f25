import type { SQL } from 'drizzle-orm';
import type { Db } from '../client';

/**
 * Runs a hand-written query and returns its rows. postgres.js returns an array and PGlite an object with
 * `rows`; this hides the difference. Cast numerics to float8 and counts to int in the SQL itself, so both
 * drivers hand back numbers.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
