import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';

/**
 * The registry tiles of the overview, in ONE query, as they stood at the end of `asOf` (from the dated
 * status histories, so later changes do not leak into a past view). Archived records are left out, as in
 * db/queries/derived. Same rules as the derived indicators `cities_engaged`, `partnerships_active`,
 * `clusters_functional` and `covid_requests_responded` (integration tests hold them equal):
 * - cities engaged: cities whose latest status on or before asOf is engaged or active;
 * - partnerships: partners whose latest status is active or reactivated;
 * - clusters functional: clusters whose latest stage is functional;
 * - COVID-19 requests responded: requests responded to between `from` and asOf.
 * Region narrows each to its cities (partners and clusters through their cities); cluster narrows cities to
 * its members on asOf, partners to those of its member cities, clusters to itself, requests to member cities.
 */
export interface RegistryTiles {
  citiesEngaged: number;
  partnerships: number;
  clustersFunctional: number;
  requestsResponded: number;
}

export interface TileFilters {
  region?: 'maritime' | 'continental';
  cluster?: number;
}

function cityFilter(column: SQL, f: TileFilters, asOf: string): SQL {
  const parts: SQL[] = [];
  if (f.region) parts.push(sql`and ${column} in (select c.id from cities c where c.region = ${f.region}::region)`);
  if (f.cluster !== undefined) {
    parts.push(sql`and ${column} in (
      select m.city_id from cluster_members m
      where m.cluster_id = ${f.cluster} and m.joined_on <= ${asOf}::date and (m.left_on is null or m.left_on > ${asOf}::date))`);
  }
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

export async function registryTiles(db: Db, range: { from: string; asOf: string }, f: TileFilters = {}): Promise<RegistryTiles> {
  const { from, asOf } = range;
  const clusterRegion = f.region
    ? sql`and exists (
        select 1 from cluster_members m join cities c on c.id = m.city_id
        where m.cluster_id = k.id and c.region = ${f.region}::region
          and m.joined_on <= ${asOf}::date and (m.left_on is null or m.left_on > ${asOf}::date))`
    : sql``;
  const clusterItself = f.cluster !== undefined ? sql`and k.id = ${f.cluster}` : sql``;
  const [row] = await queryRows<RegistryTiles>(
    db,
    sql`
    select
      (select count(*)::int from cities c
        where c.archived_at is null ${cityFilter(sql`c.id`, f, asOf)}
          and (select h.status::text from city_status_history h
               where h.city_id = c.id and h.changed_on <= ${asOf}::date
               order by h.changed_on desc, h.id desc limit 1) in ('engaged', 'active')) as "citiesEngaged",
      (select count(*)::int from partners p
        where p.archived_at is null
          ${f.region || f.cluster !== undefined ? sql`and exists (select 1 from partner_cities pc where pc.partner_id = p.id ${cityFilter(sql`pc.city_id`, f, asOf)})` : sql``}
          and (select h.status::text from partner_status_history h
               where h.partner_id = p.id and h.changed_on <= ${asOf}::date
               order by h.changed_on desc, h.id desc limit 1) in ('active', 'reactivated')) as "partnerships",
      (select count(*)::int from clusters k
        where k.archived_at is null ${clusterItself} ${clusterRegion}
          and (select h.stage::text from cluster_stage_history h
               where h.cluster_id = k.id and h.changed_on <= ${asOf}::date
               order by h.changed_on desc, h.id desc limit 1) = 'functional') as "clustersFunctional",
      (select count(*)::int from support_requests r
        where r.archived_at is null and r.responded_on between ${from}::date and ${asOf}::date
          ${cityFilter(sql`r.city_id`, f, asOf)}) as "requestsResponded"`,
  );
  return row ?? { citiesEngaged: 0, partnerships: 0, clustersFunctional: 0, requestsResponded: 0 };
}

/** The clusters the overview can be narrowed to (not archived), by name. */
export async function clusterOptions(db: Db): Promise<{ id: number; name: string; nameZh: string | null }[]> {
  return queryRows(db, sql`select id, name, name_zh as "nameZh" from clusters where archived_at is null order by name, id`);
}
