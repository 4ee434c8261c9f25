import { sql, type SQL } from 'drizzle-orm';

/**
 * A filter on the logged updates a view counts. Without any the plan's figures come from the summary tables;
 * with them, the same rules over the narrower set of updates.
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

/** The range start's fragment: it narrows per-period indicators only (alias `u`, the indicator's alias given). */
export function rangeStartFilter(f: UpdateFilters, indicatorAlias: 'i' | 'ind'): SQL {
  if (!f.from) return sql``;
  return sql`and (${sql.raw(indicatorAlias)}.accumulation <> 'non_cumulative' or u.period_start >= ${f.from}::date)`;
}
