import type { Sql } from 'postgres';

/**
 * The bulk-load routine PostgreSQL's manual recommends ("Populating a Database"): drop a table's secondary
 * indexes and foreign keys, COPY, then recreate them — each index is built once by a sort instead of being
 * maintained row by row, and each foreign key is validated by one join over the whole table. The definitions
 * are read from the catalog (whatever the migrations made), and put back exactly.
 */
export interface Deferred {
  table: string;
  indexes: { name: string; definition: string }[];
  foreignKeys: { name: string; definition: string }[];
}

export async function dropForLoad(sql: Sql, table: string): Promise<Deferred> {
  const indexes = await sql<{ name: string; definition: string }[]>`
    select i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relname = ${table} and t.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`;
  const foreignKeys = await sql<{ name: string; definition: string }[]>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = ${`public.${table}`}::regclass and contype = 'f'`;
  for (const fk of foreignKeys) await sql.unsafe(`alter table ${table} drop constraint "${fk.name}"`);
  for (const index of indexes) await sql.unsafe(`drop index "${index.name}"`);
  return { table, indexes: [...indexes], foreignKeys: [...foreignKeys] };
}

export async function restoreAfterLoad(sql: Sql, deferred: Deferred, onStep?: (what: string) => void): Promise<void> {
  for (const index of deferred.indexes) {
    onStep?.(index.name);
    await sql.unsafe(index.definition);
  }
  for (const fk of deferred.foreignKeys) {
    onStep?.(fk.name);
    await sql.unsafe(`alter table ${deferred.table} add constraint "${fk.name}" ${fk.definition}`);
  }
}

/**
 * The dashboards' summary (drizzle/0006, 0008, 0010) is kept by triggers; during a bulk load the trigger is off and
 * the summary is rebuilt afterwards in two set-based statements, the same the migration runs on existing data.
 */
export async function withoutSummaryTrigger<T>(sql: Sql, load: () => Promise<T>): Promise<T> {
  await sql`alter table progress_updates disable trigger user`;
  try {
    return await load();
  } finally {
    await sql`alter table progress_updates enable trigger user`;
  }
}

export async function rebuildSummary(sql: Sql): Promise<void> {
  await sql`delete from progress_as_of_snapshots`;
  await sql`delete from progress_indicator_levels`;
  await sql`delete from progress_indicator_totals`;
  await sql`delete from progress_latest`;
  await sql`delete from progress_totals`;
  await sql`insert into progress_totals (indicator_id, status, period_start, period_end, updates, value, numerator, denominator, last_updated_at)
    select indicator_id, status, period_start, period_end, count(*), sum(value), sum(numerator), sum(denominator), max(updated_at)
    from progress_updates group by indicator_id, status, period_start, period_end`;
  await sql`insert into progress_latest (indicator_id, counted, city_key, cluster_key, partner_key, update_id, period_start, period_end, value, numerator, denominator)
    select distinct on (u.indicator_id, s.counted, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0))
      u.indicator_id, s.counted, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0),
      u.id, u.period_start, u.period_end, u.value, u.numerator, u.denominator
    from progress_updates u
    join (values ('approved', array['approved']::update_status[]), ('submitted', array['approved', 'submitted']::update_status[])) as s(counted, statuses)
      on u.status = any (s.statuses)
    order by u.indicator_id, s.counted, coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0), u.period_end desc, u.id desc`;
  await sql`insert into progress_indicator_totals (indicator_id, status, updates, value, numerator, denominator, last_updated_at, max_period_start)
    select indicator_id, status, sum(updates), sum(value), sum(numerator), sum(denominator), max(last_updated_at), max(period_start)
    from progress_totals group by indicator_id, status`;
  await sql`insert into progress_indicator_levels (indicator_id, counted, series, value, numerator, denominator, max_period_start)
    select indicator_id, counted, count(*), sum(value), sum(numerator), sum(denominator), max(period_start)
    from progress_latest group by indicator_id, counted`;
  // The level changes of cumulative and snapshot indicators (drizzle/0010), rebuilt by the migration's function.
  await sql`select progress_level_changes_rebuild()`;
}
