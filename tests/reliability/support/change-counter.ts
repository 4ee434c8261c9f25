import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/queries/raw';

/**
 * Test instrumentation for the fuzzer's database (never the app's schema): a row-level trigger on every table
 * but the excluded ones bumps a sequence on each inserted, updated or deleted row. Reading the sequence costs
 * next to nothing, so every single input is checked; when it moved, the per-table checksums say what changed.
 */
export async function installChangeCounter(db: Db, exclude: string[]): Promise<() => Promise<string>> {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )
  )
    .map((r) => r.name)
    .filter((t) => !exclude.includes(t));
  await db.execute(sql.raw(`create sequence if not exists srm_fuzz_changes`));
  await db.execute(
    sql.raw(`create or replace function srm_fuzz_count() returns trigger language plpgsql as $$
      begin perform nextval('srm_fuzz_changes'); return null; end $$`),
  );
  for (const t of tables) {
    await db.execute(sql.raw(`create trigger srm_fuzz_row after insert or update or delete on "${t}" for each row execute function srm_fuzz_count()`));
    await db.execute(sql.raw(`create trigger srm_fuzz_truncate after truncate on "${t}" for each statement execute function srm_fuzz_count()`));
  }
  return async () => {
    const [row] = await queryRows<{ v: string }>(db, sql.raw(`select last_value::text || ':' || is_called::text as v from srm_fuzz_changes`));
    return row!.v;
  };
}
