import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '@/lib/periods';
import type { Accumulation } from '@/lib/progress/types';
import type { Db } from '../client';
import { queryRows } from './raw';

/**
 * Per-period and to-date aggregates of progress updates, computed in SQL. The semantics are those of the
 * reference implementation in lib/progress/aggregate.ts, and integration tests hold the two equal:
 * - non_cumulative: the sum of the values in the period (percent: Σnumerator ÷ Σdenominator);
 * - cumulative and snapshot: per disaggregation series (city, cluster, partner), the latest value up to the
 *   period's end (ties broken by the later id), summed over series — never summed over time.
 */

export type UpdateStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'withdrawn';

/** Dashboards count approved updates; a labelled switch adds submitted ones. */
export function countedStatuses(includeSubmitted: boolean): UpdateStatus[] {
  return includeSubmitted ? ['approved', 'submitted'] : ['approved'];
}

export interface AggregateRow {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Number of updates that contributed. */
  count: number;
}

export function statusList(statuses: readonly UpdateStatus[]): SQL {
  return sql.join(
    statuses.map((s) => sql`${s}::update_status`),
    sql`, `,
  );
}

// The series key; the expression matches the progress_updates_series_idx index.
export const seriesKey = sql.raw('coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0)');

export interface ActualToDateRow extends AggregateRow {
  indicatorId: number;
  lastUpdatedAt: string | null;
}

/**
 * The two ways dashboards count, as kept in progress_latest.counted; undefined for any other set of statuses
 * (which then reads the updates themselves).
 */
export function summaryCounted(statuses: readonly UpdateStatus[]): 'approved' | 'submitted' | undefined {
  const set = [...new Set(statuses)].sort().join(',');
  return set === 'approved' ? 'approved' : set === 'approved,submitted' ? 'submitted' : undefined;
}

/**
 * Actual to date of every indicator of a plan, in one query: what the overview and reports read. It reads the
 * summary the triggers keep (drizzle/0006, 0008): per indicator and status, the roll-up of its per-period sums,
 * counts and last change (non_cumulative sums; everyone's count and last change); per indicator, the sum of its
 * series' latest updates (cumulative and snapshot). Indicators with updates for periods starting after `asOf`
 * (logged ahead of time) read the per-period buckets and the per-series rows instead, and a series whose latest
 * update lies after `asOf` looks its latest counted update up in the series index.
 * Cost: about one row per indicator, whatever the number of updates.
 */
export async function actualsToDate(
  db: Db,
  planId: number,
  asOf: string,
  statuses: UpdateStatus[],
): Promise<Map<number, ActualToDateRow>> {
  const counted = summaryCounted(statuses);
  if (!counted) return actualsToDateScan(db, planId, asOf, statuses);
  const rows = await queryRows<ActualToDateRow>(
    db,
    sql`
    with ind as (
      select id, accumulation from indicators where plan_id = ${planId} and retired_at is null
    ),
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
 * actualsToDate straight from the updates: for sets of statuses the summary does not keep, and for the overview's
 * filters (`narrowing`: further conditions on the counted updates, alias `u` for progress_updates, `ind` for the
 * indicator).
 */
export async function actualsToDateScan(
  db: Db,
  planId: number,
  asOf: string,
  statuses: UpdateStatus[],
  narrowing: SQL = sql``,
): Promise<Map<number, ActualToDateRow>> {
  const rows = await queryRows<ActualToDateRow>(
    db,
    sql`
    with ind as (
      select id, accumulation from indicators where plan_id = ${planId} and retired_at is null
    ),
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

export interface PeriodAggregateRow extends AggregateRow {
  periodEnd: string;
  /** Some update was reported for this very period (cumulative values otherwise carry forward). */
  reported: boolean;
}

function periodsValues(periods: Period[]): SQL {
  return sql.join(
    periods.map((p, i) => sql`(${p.start}::date, ${p.end}::date, ${i}::int)`),
    sql`, `,
  );
}

/** One indicator's aggregate for each period, for its chart and table. */
export async function indicatorSeries(
  db: Db,
  indicatorId: number,
  accumulation: Accumulation,
  periods: Period[],
  statuses: UpdateStatus[],
): Promise<PeriodAggregateRow[]> {
  if (periods.length === 0) return [];
  const query =
    accumulation === 'non_cumulative'
      ? sql`
      select p.period_end::text as "periodEnd",
        sum(u.value)::float8 as value, sum(u.numerator)::float8 as numerator,
        sum(u.denominator)::float8 as denominator, count(u.id)::int as count,
        count(u.id) > 0 as reported
      from (values ${periodsValues(periods)}) as p(period_start, period_end, ord)
      left join progress_updates u
        on u.indicator_id = ${indicatorId} and u.status in (${statusList(statuses)})
        and u.period_end between p.period_start and p.period_end
      group by p.ord, p.period_end
      order by p.ord`
      : sql`
      with series as (
        select distinct coalesce(u.city_id, 0) as city, coalesce(u.cluster_id, 0) as cluster,
          coalesce(u.partner_id, 0) as partner
        from progress_updates u
        where u.indicator_id = ${indicatorId} and u.status in (${statusList(statuses)})
      )
      select p.period_end::text as "periodEnd",
        sum(l.value)::float8 as value, sum(l.numerator)::float8 as numerator,
        sum(l.denominator)::float8 as denominator, count(l.id)::int as count,
        coalesce(bool_or(l.period_end >= p.period_start), false) as reported
      from (values ${periodsValues(periods)}) as p(period_start, period_end, ord)
      cross join series s
      left join lateral (
        select u.id, u.value, u.numerator, u.denominator, u.period_end from progress_updates u
        where u.indicator_id = ${indicatorId} and u.status in (${statusList(statuses)})
          and coalesce(u.city_id, 0) = s.city and coalesce(u.cluster_id, 0) = s.cluster
          and coalesce(u.partner_id, 0) = s.partner and u.period_end <= p.period_end
        order by u.period_end desc, u.id desc
        limit 1
      ) l on true
      group by p.ord, p.period_end
      order by p.ord`;
  const rows = await queryRows<PeriodAggregateRow>(db, query);
  if (accumulation === 'non_cumulative' || rows.length === periods.length) return rows;
  // No series at all: the cross join produced no rows, so every period is empty.
  return periods.map((p) => ({ periodEnd: p.end, value: null, numerator: null, denominator: null, count: 0, reported: false }));
}
