import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { actualsToDate, actualsToDateScan, statusList, type ActualToDateRow, type UpdateStatus } from './progress';
import { queryRows } from './raw';

/**
 * The overview's filters on progress updates. Without any of them the overview reads db/queries/progress.ts's
 * `actualsToDate` (the query the benchmark tunes); with them, the same aggregate over the narrower set.
 */
export interface UpdateFilters {
  /** Per-period (non-cumulative) indicators count only updates of periods starting on or after this date. */
  from?: string;
  /** Only updates reported for a city of this region. */
  region?: 'maritime' | 'continental';
  /** Only updates reported for this cluster, or for a city that is a member of it. */
  cluster?: number;
}

export function hasUpdateFilters(f: UpdateFilters): boolean {
  return f.from !== undefined || f.region !== undefined || f.cluster !== undefined;
}

/** The where-clause fragment for region and cluster (alias `u` for progress_updates). */
export function disaggregationFilter(f: UpdateFilters): SQL {
  const parts: SQL[] = [];
  if (f.region) parts.push(sql`and u.city_id in (select c.id from cities c where c.region = ${f.region}::region)`);
  if (f.cluster !== undefined) {
    parts.push(
      sql`and (u.cluster_id = ${f.cluster} or u.city_id in (select m.city_id from cluster_members m where m.cluster_id = ${f.cluster}))`,
    );
  }
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

/** Actual to date of every indicator of a plan, as `actualsToDate` computes it, narrowed by the filters. */
export async function filteredActualsToDate(
  db: Db,
  planId: number,
  asOf: string,
  statuses: UpdateStatus[],
  filters: UpdateFilters,
): Promise<Map<number, ActualToDateRow>> {
  if (!hasUpdateFilters(filters)) return actualsToDate(db, planId, asOf, statuses);
  const from = filters.from ? sql`and (ind.accumulation <> 'non_cumulative' or u.period_start >= ${filters.from}::date)` : sql``;
  return actualsToDateScan(db, planId, asOf, statuses, sql`${from} ${disaggregationFilter(filters)}`);
}

export interface LastReporterRow {
  indicatorId: number;
  reporterName: string | null;
}

/** Who reported the latest counted update of each given indicator (for the overview's "last update" column). */
export async function lastReporters(
  db: Db,
  indicatorIds: readonly number[],
  asOf: string,
  statuses: UpdateStatus[],
  filters: UpdateFilters,
): Promise<Map<number, string | null>> {
  if (indicatorIds.length === 0) return new Map();
  const ids = sql.join(
    indicatorIds.map((id) => sql`${id}::int`),
    sql`, `,
  );
  // As in filteredActualsToDate: the range start narrows per-period indicators only.
  const from = filters.from ? sql`and (i.accumulation <> 'non_cumulative' or u.period_start >= ${filters.from}::date)` : sql``;
  const rows = await queryRows<LastReporterRow>(
    db,
    sql`
    select i.id as "indicatorId", l.name as "reporterName"
    from indicators i
    cross join lateral (
      select us.name from progress_updates u left join users us on us.id = u.reported_by
      where u.indicator_id = i.id and u.status in (${statusList(statuses)}) and u.period_start <= ${asOf}::date
        ${from} ${disaggregationFilter(filters)}
      order by u.updated_at desc, u.id desc
      limit 1
    ) l
    where i.id in (${ids})`,
  );
  return new Map(rows.map((r) => [r.indicatorId, r.reporterName]));
}
