import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '@/lib/periods';
import type { Accumulation } from '@/lib/progress/types';
import type { Db } from '../../client';
import { queryRows } from '../raw';
import type { ActualToDateRow, PeriodAggregateRow, UpdateStatus } from '../progress';

/**
 * The SQL behind the charts, "as of" a date: the same aggregation rules as db/queries/progress.ts
 * (indicatorSeries, actualsToDate — tests/integration/charts-series.test.ts holds them equal when nothing
 * changed after the date), but reading every update as it stood at the end of the as-of day, so a report for a
 * past date is not rewritten by later approvals, corrections or withdrawals.
 *
 * State at a moment T: every change copies the previous state into progress_update_versions (created_at = when
 * it was replaced), so an update's state at T is its earliest version archived after T, else its current row;
 * updates created after T did not exist yet. Only updates with period_start ≤ asOf count.
 */
export function updatesAsOf(indicatorIds: SQL, asOf: string): SQL {
  // End of the as-of day in UTC (timestamps are stored in UTC; calendar dates have no zone).
  const moment = sql`((${asOf}::date + 1)::timestamp at time zone 'UTC')`;
  return sql`(
    select u.id, u.indicator_id,
      coalesce(v.period_start, u.period_start) as period_start, coalesce(v.period_end, u.period_end) as period_end,
      case when v.id is null then u.value else v.value end as value,
      case when v.id is null then u.numerator else v.numerator end as numerator,
      case when v.id is null then u.denominator else v.denominator end as denominator,
      case when v.id is null then u.city_id else v.city_id end as city_id,
      case when v.id is null then u.cluster_id else v.cluster_id end as cluster_id,
      case when v.id is null then u.partner_id else v.partner_id end as partner_id,
      coalesce(v.status, u.status) as status
    from progress_updates u
    left join lateral (
      select * from progress_update_versions pv
      where pv.update_id = u.id and pv.created_at >= ${moment}
      order by pv.version asc limit 1
    ) v on true
    where u.indicator_id in (${indicatorIds}) and u.created_at < ${moment}
  )`;
}

export function statusList(statuses: readonly UpdateStatus[]): SQL {
  return sql.join(
    statuses.map((s) => sql`${s}::update_status`),
    sql`, `,
  );
}

function windowsValues(periods: readonly Period[]): SQL {
  return sql.join(
    periods.map((p, i) => sql`(${p.start}::date, ${p.end}::date, ${i}::int)`),
    sql`, `,
  );
}

/** The counted updates of one indicator as of the date: a CTE named `counted`. */
function countedCte(indicatorId: number, asOf: string, statuses: readonly UpdateStatus[]): SQL {
  return sql`counted as (
    select * from ${updatesAsOf(sql`${indicatorId}`, asOf)} a
    where a.status in (${statusList(statuses)}) and a.period_start <= ${asOf}::date
  )`;
}

/**
 * One indicator's aggregate per window, as of a date. A window is a period of the indicator's frequency, or the
 * whole plan for the actual to date. non_cumulative: the sum of updates whose period ends in the window;
 * cumulative/snapshot: per series (city, cluster, partner), the latest value up to the window's end, summed.
 */
export async function seriesAsOf(
  db: Db,
  indicatorId: number,
  accumulation: Accumulation,
  windows: readonly Period[],
  asOf: string,
  statuses: readonly UpdateStatus[],
): Promise<PeriodAggregateRow[]> {
  if (windows.length === 0) return [];
  const query =
    accumulation === 'non_cumulative'
      ? sql`
      with ${countedCte(indicatorId, asOf, statuses)}
      select p.period_end::text as "periodEnd",
        sum(u.value)::float8 as value, sum(u.numerator)::float8 as numerator,
        sum(u.denominator)::float8 as denominator, count(u.id)::int as count, count(u.id) > 0 as reported
      from (values ${windowsValues(windows)}) as p(period_start, period_end, ord)
      left join counted u on u.period_end between p.period_start and p.period_end
      group by p.ord, p.period_end
      order by p.ord`
      : sql`
      with ${countedCte(indicatorId, asOf, statuses)},
      series as (
        select distinct coalesce(city_id, 0) as city, coalesce(cluster_id, 0) as cluster, coalesce(partner_id, 0) as partner
        from counted
      )
      select p.period_end::text as "periodEnd",
        sum(l.value)::float8 as value, sum(l.numerator)::float8 as numerator,
        sum(l.denominator)::float8 as denominator, count(l.id)::int as count,
        coalesce(bool_or(l.period_end >= p.period_start), false) as reported
      from (values ${windowsValues(windows)}) as p(period_start, period_end, ord)
      cross join series s
      left join lateral (
        select u.id, u.value, u.numerator, u.denominator, u.period_end from counted u
        where coalesce(u.city_id, 0) = s.city and coalesce(u.cluster_id, 0) = s.cluster
          and coalesce(u.partner_id, 0) = s.partner and u.period_end <= p.period_end
        order by u.period_end desc, u.id desc
        limit 1
      ) l on true
      group by p.ord, p.period_end
      order by p.ord`;
  const rows = await queryRows<PeriodAggregateRow>(db, query);
  if (rows.length === windows.length) return rows;
  // No series at all (cumulative/snapshot): the cross join produced no rows, so every window is empty.
  return windows.map((p) => ({ periodEnd: p.end, value: null, numerator: null, denominator: null, count: 0, reported: false }));
}

export type BreakdownDimension = 'city' | 'cluster' | 'partner';

export interface BreakdownRow {
  /** null: the "others" bucket (ranks beyond top N) or updates without this dimension (see `unassigned`). */
  memberId: number | null;
  name: string | null;
  nameZh: string | null;
  others: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
}

const dimensionTable: Record<BreakdownDimension, { column: SQL; table: SQL }> = {
  city: { column: sql.raw('city_id'), table: sql.raw('cities') },
  cluster: { column: sql.raw('cluster_id'), table: sql.raw('clusters') },
  partner: { column: sql.raw('partner_id'), table: sql.raw('partners') },
};

/**
 * The actual to date split by city, cluster or partner: the top N members by value (percent: by the ratio of
 * their sums) and one "others" row, all aggregated in SQL with the same per-series rules as the series.
 * Updates without the dimension form their own member (memberId null).
 */
export async function breakdownAsOf(
  db: Db,
  indicatorId: number,
  accumulation: Accumulation,
  dimension: BreakdownDimension,
  asOf: string,
  statuses: readonly UpdateStatus[],
  topN: number,
): Promise<BreakdownRow[]> {
  const { column, table } = dimensionTable[dimension];
  const contributing =
    accumulation === 'non_cumulative'
      ? sql`select ${column} as member, value, numerator, denominator from counted`
      : sql`select distinct on (coalesce(city_id, 0), coalesce(cluster_id, 0), coalesce(partner_id, 0))
          ${column} as member, value, numerator, denominator
        from counted
        order by coalesce(city_id, 0), coalesce(cluster_id, 0), coalesce(partner_id, 0), period_end desc, id desc`;
  const rows = await queryRows<BreakdownRow>(
    db,
    sql`
    with ${countedCte(indicatorId, asOf, statuses)},
    per_member as (
      select c.member, sum(c.value) as value, sum(c.numerator) as numerator, sum(c.denominator) as denominator,
        count(*) as count
      from (${contributing}) c
      group by c.member
    ),
    ranked as (
      select m.*, row_number() over (
        order by coalesce(m.value, 100.0 * m.numerator / nullif(m.denominator, 0)) desc nulls last, m.member
      ) > ${topN}::int as others,
      row_number() over (
        order by coalesce(m.value, 100.0 * m.numerator / nullif(m.denominator, 0)) desc nulls last, m.member
      ) as rank
      from per_member m
    ),
    bucketed as (
      select r.*, case when r.others then null else r.member end as bucket,
        case when r.others then null else r.rank end as bucket_rank
      from ranked r
    )
    select b.bucket as "memberId", max(t.name) as name, max(t.name_zh) as "nameZh", b.others,
      sum(b.value)::float8 as value, sum(b.numerator)::float8 as numerator,
      sum(b.denominator)::float8 as denominator, sum(b.count)::int as count, min(b.rank) as first_rank
    from bucketed b
    left join ${table} t on t.id = b.bucket
    group by b.others, b.bucket, b.bucket_rank
    order by others, first_rank`,
  );
  return rows.map(({ memberId, name, nameZh, others, value, numerator, denominator, count }) => ({
    memberId: memberId === null ? null : Number(memberId),
    name,
    nameZh,
    others,
    value,
    numerator,
    denominator,
    count,
  }));
}

/**
 * The actual to date of every manual indicator of a plan as of a date, in one query: actualsToDate's rules
 * (db/queries/progress.ts) over the updates as they stood then. What the committee report compares.
 */
export async function planActualsAsOf(
  db: Db,
  planId: number,
  asOf: string,
  statuses: readonly UpdateStatus[],
): Promise<Map<number, ActualToDateRow>> {
  const rows = await queryRows<ActualToDateRow>(
    db,
    sql`
    with ind as (
      select id, accumulation from indicators where plan_id = ${planId} and retired_at is null
    ),
    counted as (
      select a.*, ind.accumulation
      from ${updatesAsOf(sql`select id from ind`, asOf)} a join ind on ind.id = a.indicator_id
      where a.status in (${statusList(statuses)}) and a.period_start <= ${asOf}::date
    ),
    latest as (
      select distinct on (indicator_id, coalesce(city_id, 0), coalesce(cluster_id, 0), coalesce(partner_id, 0))
        indicator_id, value, numerator, denominator
      from counted
      where accumulation <> 'non_cumulative'
      order by indicator_id, coalesce(city_id, 0), coalesce(cluster_id, 0), coalesce(partner_id, 0), period_end desc, id desc
    ),
    summed as (
      select indicator_id, value, numerator, denominator from counted where accumulation = 'non_cumulative'
      union all
      select indicator_id, value, numerator, denominator from latest
    )
    select indicator_id as "indicatorId", sum(value)::float8 as value, sum(numerator)::float8 as numerator,
      sum(denominator)::float8 as denominator, count(*)::int as count, null as "lastUpdatedAt"
    from summed
    group by indicator_id`,
  );
  return new Map(rows.map((r) => [r.indicatorId, r]));
}
