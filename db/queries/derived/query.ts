import { sql, type SQL } from 'drizzle-orm';
import type { DerivedDimension } from '@/lib/derivations';
import type { FactSource, RegistryDefinition, WholeDefinition } from './definitions';

/**
 * The SQL around a derivation's facts (./definitions.ts): the region and cluster filters, the members of each
 * breakdown dimension, and the aggregates. The rules, in words:
 * - a fact passes the region filter when one of its cities is in a chosen region, and the cluster filter when
 *   one of its cities is a member of a chosen cluster (as for progress updates), or, for clusters and
 *   memberships, when its own cluster is chosen; records linked to no city (meetings) ignore the filters;
 * - a breakdown lists, per fact, the members it is linked to (its city, its partner's cities, …); with a
 *   filter, only members within it; a fact linked to none falls under "no member" (key '').
 */

export interface DerivedFilter {
  regions?: readonly string[];
  clusterIds?: readonly number[];
}

export interface Window {
  from: string;
  to: string;
}

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const regionsOf = (f?: DerivedFilter) => (f?.regions && f.regions.length > 0 ? f.regions : undefined);
const clustersOf = (f?: DerivedFilter) => (f?.clusterIds && f.clusterIds.length > 0 ? f.clusterIds : undefined);

/** The cities of fact `f`, as a relation with one column city_id. */
function cityLinks(source: FactSource): SQL {
  switch (source.links) {
    case 'single':
      return sql`(select f.city_id as city_id where f.city_id is not null)`;
    case 'partner':
      return sql`(select pc.city_id from partner_cities pc where pc.partner_id = f.fid)`;
    case 'activity':
      return sql`(select ac.city_id from activity_cities ac where ac.activity_id = f.fid)`;
    case 'none':
      return sql`(select null::int as city_id where false)`;
  }
}

/** Whether the city `city` is within the filter (its cluster part only for facts not owning a cluster). */
function cityWithin(source: FactSource, city: SQL, filter?: DerivedFilter): SQL {
  const regions = regionsOf(filter);
  const clusters = source.clusterOwn ? undefined : clustersOf(filter);
  const parts: SQL[] = [sql`true`];
  if (regions) parts.push(sql`exists (select 1 from cities fc where fc.id = ${city} and fc.region::text in (${list(regions)}))`);
  if (clusters) parts.push(sql`exists (select 1 from cluster_members fm where fm.city_id = ${city} and fm.cluster_id in (${list(clusters)}))`);
  return sql.join(parts, sql` and `);
}

/** Whether fact `f` passes the filter. */
export function factWithin(source: FactSource, filter?: DerivedFilter): SQL {
  const regions = regionsOf(filter);
  const clusters = clustersOf(filter);
  if (source.links === 'none' || (!regions && !clusters)) return sql`true`;
  const parts: SQL[] = [];
  if (regions || (clusters && !source.clusterOwn)) {
    parts.push(sql`exists (select 1 from ${cityLinks(source)} l where ${cityWithin(source, sql`l.city_id`, filter)})`);
  }
  if (clusters && source.clusterOwn) parts.push(sql`f.cluster_id in (${list(clusters)})`);
  return sql.join(parts, sql` and `);
}

/** The members of `dimension` that fact `f` is linked to: a relation (key, label, label_zh). */
function members(source: FactSource, dimension: DerivedDimension, filter?: DerivedFilter): SQL {
  const links = cityLinks(source);
  const within = cityWithin(source, sql`c.id`, filter);
  const clusters = clustersOf(filter);
  switch (dimension) {
    case 'city':
      return sql`select c.id::text as key, c.name as label, c.name_zh as label_zh from ${links} l join cities c on c.id = l.city_id where ${within}`;
    case 'region':
      return sql`select distinct c.region::text as key, c.region::text as label, null::text as label_zh from ${links} l join cities c on c.id = l.city_id where ${within}`;
    case 'cluster':
      if (source.clusterOwn) return sql`select k.id::text as key, k.name as label, k.name_zh as label_zh from clusters k where k.id = f.cluster_id`;
      return sql`select distinct k.id::text as key, k.name as label, k.name_zh as label_zh
        from ${links} l join cities c on c.id = l.city_id join cluster_members m on m.city_id = c.id join clusters k on k.id = m.cluster_id
        where ${within} ${clusters ? sql`and k.id in (${list(clusters)})` : sql``}`;
    case 'partner':
      if (source.self === 'partner') return sql`select p.id::text as key, p.name as label, p.name_zh as label_zh from partners p where p.id = f.fid`;
      return sql`select p.id::text as key, p.name as label, p.name_zh as label_zh
        from partner_cities pc join partners p on p.id = pc.partner_id where pc.city_id = f.city_id`;
    case 'category':
      return sql`select r.category::text as key, r.category::text as label, null::text as label_zh from support_requests r where r.id = f.fid`;
    case 'topic':
      return sql`select a.topic as key, a.topic as label, null::text as label_zh from activities a where a.id = f.fid`;
    case 'format':
      return sql`select a.format::text as key, a.format::text as label, null::text as label_zh from activities a where a.id = f.fid`;
    // Budget lines and funding sources belong to whole-window derivations only (wholeBreakdownQuery).
    case 'line':
    case 'source':
      return sql`select null::text as key, null::text as label, null::text as label_zh where false`;
  }
}

function windowsCte(windows: readonly Window[]): SQL {
  const rows = sql.join(
    windows.map((w, i) => sql`(${i}::int, ${w.from}::date, ${w.to}::date)`),
    sql`, `,
  );
  return sql`win(ord, from_d, to_d) as (values ${rows})`;
}

/** value, numerator, denominator over the counted facts in scope (alias f). */
function aggregates(def: RegistryDefinition): SQL {
  const counted = sql`filter (where f.counted)`;
  switch (def.aggregate) {
    case 'count':
    case 'sum':
      return sql`coalesce((sum(f.v) ${counted}), 0)::float8 as value, null::float8 as numerator, null::float8 as denominator`;
    case 'mean':
      return sql`(avg(f.v) ${counted})::float8 as value, null::float8 as numerator, null::float8 as denominator`;
    case 'percent':
      return sql`null::float8 as value, coalesce((sum(f.num) ${counted}), 0)::float8 as numerator, coalesce((sum(f.den) ${counted}), 0)::float8 as denominator`;
  }
}

/** Per window: ord, value, numerator, denominator, and the date of the latest registry change in scope. */
export function windowsQuery(def: RegistryDefinition, windows: readonly Window[], filter?: DerivedFilter): SQL {
  return sql`
    with ${windowsCte(windows)}, f as (${def.source.facts})
    select w.ord, ${aggregates(def)}, max(f.on_d)::text as last_on
    from win w left join f on f.ord = w.ord and ${factWithin(def.source, filter)}
    group by w.ord
    order by w.ord`;
}

/** Per member of `dimension` at one window: key, label, label_zh, value, numerator, denominator. */
export function breakdownQuery(def: RegistryDefinition, window: Window, dimension: DerivedDimension, filter?: DerivedFilter): SQL {
  return sql`
    with ${windowsCte([window])}, f as (${def.source.facts})
    select coalesce(d.key, '') as key, min(d.label) as label, min(d.label_zh) as label_zh, ${aggregates(def)}
    from f left join lateral (${members(def.source, dimension, filter)}) d on true
    where f.counted and ${factWithin(def.source, filter)}
    group by coalesce(d.key, '')`;
}

/** A whole-window derivation's rows per window of one plan (the same columns as windowsQuery). */
export function wholeWindowsQuery(def: WholeDefinition, windows: readonly Window[], planId: number): SQL {
  return sql`
    with ${windowsCte(windows)}
    select q.ord, q.value, q.numerator, q.denominator, q.last_on from (${def.whole.windows(planId)}) q
    order by q.ord`;
}

/** A whole-window derivation's rows per member of `dimension` at one window (the columns of breakdownQuery). */
export function wholeBreakdownQuery(def: WholeDefinition, window: Window, dimension: DerivedDimension, planId: number): SQL {
  return sql`
    with ${windowsCte([window])}
    select q.dimension as key, q.label, q.label_zh, q.value, q.numerator, q.denominator from (${def.whole.windows(planId, dimension)}) q
    where q.dimension is not null`;
}
