import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';
import type { ReadClock } from './clock';
import { scopedIndicators, statusList, summaryCounted, type ActualsScope, type ActualToDateRow, type UpdateStatus } from './counting';
import { disaggregationFilter, hasUpdateFilters, rangeStartFilter, type UpdateFilters } from './filters';
import { planActualsKnownOn } from './plan-actuals-known-on';

// The series key; the expression matches the progress_updates_series_idx index.
export const seriesKey = sql.raw('coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0)');

/**
 * The actual to date of every logged indicator of a plan at the clock's as-of date: non_cumulative, the sum of
 * the counted updates whose period has begun; cumulative and snapshot, per series (city, cluster, partner) the
 * latest such update (by period end, then id), summed over series. Current knowledge reads the summary tables
 * (or, with filters, the updates); knowledge of a past day reconstructs the updates as they stood then.
 */
export async function planActuals(
  db: Db,
  planId: number,
  clock: ReadClock,
  statuses: UpdateStatus[],
  filters: UpdateFilters = {},
  only?: number,
): Promise<Map<number, ActualToDateRow>> {
  const scope = { planId, only };
  if (clock.knownOn !== null) {
    if (hasUpdateFilters(filters)) throw new Error('planActuals: filters apply to current knowledge only');
    return planActualsKnownOn(db, scope, clock, statuses, () => summaryActuals(db, scope, clock.asOf, statuses));
  }
  if (!hasUpdateFilters(filters)) return summaryActuals(db, scope, clock.asOf, statuses);
  return scanActuals(db, scope, clock.asOf, statuses, sql`${rangeStartFilter(filters, 'ind')} ${disaggregationFilter(filters)}`);
}

/**
 * Actual to date of every indicator of a plan, in one query: what the overview and reports read. It reads the
 * summary the triggers keep (db/sql/progress-summary.sql, progress-rollups.sql): per indicator and status, the roll-up of its per-period sums,
 * counts and last change (non_cumulative sums; everyone's count and last change); per indicator, the sum of its
 * series' latest updates (cumulative and snapshot). Indicators with updates for periods starting after `asOf`
 * (logged ahead of time) read the per-period buckets and the per-series rows instead, and a series whose latest
 * update lies after `asOf` looks its latest counted update up in the series index.
 * Cost: about one row per indicator, whatever the number of updates.
 */
async function summaryActuals(
  db: Db,
  scope: ActualsScope,
  asOf: string,
  statuses: UpdateStatus[],
): Promise<Map<number, ActualToDateRow>> {
  const counted = summaryCounted(statuses);
  if (!counted) return scanActuals(db, scope, asOf, statuses);
  const rows = await queryRows<ActualToDateRow>(
    db,
    sql`
    with ${scopedIndicators(scope)},
    rollup as (
      select r.indicator_id, sum(r.updates) as updates, sum(r.value) as value, sum(r.numerator) as numerator,
        sum(r.denominator) as denominator, max(r.last_updated_at) as last_updated_at,
        max(r.max_period_start) as max_period_start
      from progress_indicator_totals r join ind on ind.id = r.indicator_id
      where r.status in (${statusList(statuses)})
      group by r.indicator_id
    ),
    totals as (
      -- One roll-up row per indicator, unless it has updates for periods starting after asOf: then its buckets.
      select indicator_id, updates, value, numerator, denominator, last_updated_at
      from rollup where max_period_start <= ${asOf}::date
      union all
      -- (lateral, with offset 0 so that it is not flattened: driven by the few roll-ups concerned, through the
      -- primary key, never a scan of all the buckets; the same below for progress_latest)
      select r.indicator_id, sum(t.updates), sum(t.value), sum(t.numerator), sum(t.denominator), max(t.last_updated_at)
      from rollup r cross join lateral (
        select * from progress_totals t
        where t.indicator_id = r.indicator_id and t.status in (${statusList(statuses)}) and t.period_start <= ${asOf}::date
        offset 0
      ) t
      where r.max_period_start > ${asOf}::date
      group by r.indicator_id
    ),
    level_rollup as (
      select g.indicator_id, g.value, g.numerator, g.denominator, g.series, g.max_period_start
      from progress_indicator_levels g join ind on ind.id = g.indicator_id and ind.accumulation <> 'non_cumulative'
      where g.counted = ${counted}
    ),
    latest as (
      -- Indicators with a series whose latest update lies after asOf: per series, as in the roll-up's source.
      select l.indicator_id, l.value, l.numerator, l.denominator
      from level_rollup g cross join lateral (
        select * from progress_latest l where l.indicator_id = g.indicator_id and l.counted = ${counted} offset 0
      ) l
      where g.max_period_start > ${asOf}::date and l.period_start <= ${asOf}::date
      union all
      select l.indicator_id, x.value, x.numerator, x.denominator
      from level_rollup g cross join lateral (
        select * from progress_latest l where l.indicator_id = g.indicator_id and l.counted = ${counted} offset 0
      ) l
      cross join lateral (
        select u.value, u.numerator, u.denominator from progress_updates u
        where u.indicator_id = l.indicator_id and coalesce(u.city_id, 0) = l.city_key
          and coalesce(u.cluster_id, 0) = l.cluster_key and coalesce(u.partner_id, 0) = l.partner_key
          and u.status in (${statusList(statuses)}) and u.period_start <= ${asOf}::date
        order by u.period_end desc, u.id desc
        limit 1
      ) x
      where g.max_period_start > ${asOf}::date and l.period_start > ${asOf}::date
    ),
    levels as (
      select indicator_id, value, numerator, denominator, series from level_rollup where max_period_start <= ${asOf}::date
      union all
      select indicator_id, sum(value), sum(numerator), sum(denominator), count(*) from latest group by indicator_id
    )
    select ind.id as "indicatorId",
      (case when ind.accumulation = 'non_cumulative' then t.value else v.value end)::float8 as value,
      (case when ind.accumulation = 'non_cumulative' then t.numerator else v.numerator end)::float8 as numerator,
      (case when ind.accumulation = 'non_cumulative' then t.denominator else v.denominator end)::float8 as denominator,
      (case when ind.accumulation = 'non_cumulative' then t.updates else v.series end)::int as count,
      t.last_updated_at::text as "lastUpdatedAt"
    from ind
    join totals t on t.indicator_id = ind.id
    left join levels v on v.indicator_id = ind.id
    where t.updates > 0`,
  );
  return new Map(rows.map((r) => [r.indicatorId, r]));
}

/**
 * summaryActuals straight from the updates: for sets of statuses the summary does not keep, and for the overview's
 * filters (`narrowing`: further conditions on the counted updates, alias `u` for progress_updates, `ind` for the
 * indicator).
 */
async function scanActuals(
  db: Db,
  scope: ActualsScope,
  asOf: string,
  statuses: UpdateStatus[],
  narrowing: SQL = sql``,
): Promise<Map<number, ActualToDateRow>> {
  const rows = await queryRows<ActualToDateRow>(
    db,
    sql`
    with ${scopedIndicators(scope)},
    counted as (
      select u.*, ind.accumulation
      from progress_updates u join ind on ind.id = u.indicator_id
      where u.status in (${statusList(statuses)}) and u.period_start <= ${asOf}::date
        ${narrowing}
    ),
    latest as (
      select distinct on (u.indicator_id, ${seriesKey}) u.indicator_id, u.value, u.numerator, u.denominator
      from counted u
      where u.accumulation <> 'non_cumulative'
      order by u.indicator_id, ${seriesKey}, u.period_end desc, u.id desc
    ),
    summed as (
      select indicator_id, value, numerator, denominator from counted where accumulation = 'non_cumulative'
      union all
      select indicator_id, value, numerator, denominator from latest
    ),
    changed as (
      select indicator_id, max(updated_at) as last_updated_at from counted group by indicator_id
    )
    select s.indicator_id as "indicatorId",
      sum(s.value)::float8 as value,
      sum(s.numerator)::float8 as numerator,
      sum(s.denominator)::float8 as denominator,
      count(*)::int as count,
      max(c.last_updated_at)::text as "lastUpdatedAt"
    from summed s join changed c on c.indicator_id = s.indicator_id
    group by s.indicator_id`,
  );
  return new Map(rows.map((r) => [r.indicatorId, r]));
}
