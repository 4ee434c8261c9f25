import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '@/lib/periods';
import type { Accumulation } from '@/lib/progress/types';
import type { Db } from '../../client';
import { queryRows } from '../raw';
import { statusList, summaryCounted, type PeriodAggregateRow, type UpdateStatus } from '../progress';

// End of the as-of day in UTC (timestamps are stored in UTC; calendar dates have no zone).
export const endOfDay = (asOf: string) => sql`((${asOf}::date + 1)::timestamp at time zone 'UTC')`;

/** An update's state at the moment: from its version `v` archived after it, if any, else its current row `u`. */
const stateAsOf = sql.raw(`coalesce(v.period_start, u.period_start) as period_start, coalesce(v.period_end, u.period_end) as period_end,
      case when v.id is null then u.value else v.value end as value,
      case when v.id is null then u.numerator else v.numerator end as numerator,
      case when v.id is null then u.denominator else v.denominator end as denominator,
      case when v.id is null then u.city_id else v.city_id end as city_id,
      case when v.id is null then u.cluster_id else v.cluster_id end as cluster_id,
      case when v.id is null then u.partner_id else v.partner_id end as partner_id,
      coalesce(v.status, u.status) as status`);

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
  const moment = endOfDay(asOf);
  return sql`(
    select u.id, u.indicator_id,
      ${stateAsOf}
    from progress_updates u
    left join lateral (
      select * from progress_update_versions pv
      where pv.update_id = u.id and pv.created_at >= ${moment}
      order by pv.version asc limit 1
    ) v on true
    where u.indicator_id in (${indicatorIds}) and u.created_at < ${moment}
  )`;
}

/**
 * updatesAsOf for a whole plan, with each update's accumulation: the same states, but the versions replaced
 * after the moment are gathered once (few: only changes made after the date) and hash-joined, instead of one
 * index lookup per update, and the plan's indicators are joined before any filter on the reconstructed state
 * (whose selectivity the planner cannot estimate, which made it choose nested loops over every update).
 */
export function planUpdatesAsOf(planId: number, asOf: string): SQL {
  const moment = endOfDay(asOf);
  return sql`(
    select u.id, u.indicator_id, i.accumulation,
      ${stateAsOf}
    from progress_updates u
    join indicators i on i.id = u.indicator_id and i.plan_id = ${planId} and i.retired_at is null
    left join (
      select distinct on (pv.update_id) pv.* from progress_update_versions pv
      where pv.created_at >= ${moment}
      order by pv.update_id, pv.version asc
    ) v on v.update_id = u.id
    where u.created_at < ${moment}
  )`;
}


function windowsValues(periods: readonly Period[]): SQL {
  return sql.join(
    periods.map((p, i) => sql`(${p.start}::date, ${p.end}::date, ${i}::int)`),
    sql`, `,
  );
}

/**
 * The counted updates of one indicator as of the date: a CTE named `counted`. When nothing of the indicator
 * changed after the as-of day (`unchanged`), its updates as they stand are its updates as they stood, and the
 * reconstruction from progress_update_versions is skipped.
 */
function countedCte(indicatorId: number, asOf: string, statuses: readonly UpdateStatus[], unchanged = false): SQL {
  const source = unchanged
    ? sql`(select u.id, u.indicator_id, u.period_start, u.period_end, u.value, u.numerator, u.denominator, u.city_id,
        u.cluster_id, u.partner_id, u.status from progress_updates u where u.indicator_id = ${indicatorId})`
    : updatesAsOf(sql`${indicatorId}`, asOf);
  return sql`counted as (
    select * from ${source} a
    where a.status in (${statusList(statuses)}) and a.period_start <= ${asOf}::date
  )`;
}


/**
 * Nothing of these indicators changed after the end of the as-of day: no update created, corrected, reviewed or
 * withdrawn since (every change stamps updated_at; progress_totals keeps each bucket's latest stamp and
 * progress_indicator_totals the latest per indicator and status, which is read here). Then
 * the current state is the state as of the date, and the summary answers for it.
 */
export async function unchangedSince(db: Db, indicators: SQL, asOf: string): Promise<boolean> {
  const [row] = await queryRows<{ unchanged: boolean }>(
    db,
    sql`select coalesce(max(t.last_updated_at) < ${endOfDay(asOf)}, true) as unchanged
      from progress_indicator_totals t where t.indicator_id in (${indicators})`,
  );
  return row?.unchanged ?? false;
}

/** No counted update of the indicator is for a period starting after asOf (logged ahead of time). */
async function nothingAfter(db: Db, indicatorId: number, asOf: string, statuses: readonly UpdateStatus[]): Promise<boolean> {
  const [row] = await queryRows<{ none: boolean }>(
    db,
    sql`select not exists (
        select 1 from progress_totals t
        where t.indicator_id = ${indicatorId} and t.status in (${statusList(statuses)}) and t.period_start > ${asOf}::date
      ) as none`,
  );
  return row?.none ?? false;
}

/**
 * Cumulative and snapshot levels from progress_level_changes (drizzle/0010): a window's level is the running sum
 * of the changes at period ends up to its end; a window is "reported" when a counted update's period ends in it
 * (the per-period buckets of progress_totals). A few dozen summary rows, whatever the number of updates. Valid
 * when nothing changed after asOf and no counted update is for a later period (the caller checks both).
 */
async function levelsFromChanges(
  db: Db,
  indicatorId: number,
  windows: readonly Period[],
  statuses: readonly UpdateStatus[],
  counted: 'approved' | 'submitted',
): Promise<PeriodAggregateRow[]> {
  return queryRows<PeriodAggregateRow>(
    db,
    sql`
    select p.period_end::text as "periodEnd",
      (case when l.value_series > 0 then l.value end)::float8 as value,
      (case when l.numerator_series > 0 then l.numerator end)::float8 as numerator,
      (case when l.denominator_series > 0 then l.denominator end)::float8 as denominator,
      coalesce(l.series, 0)::int as count,
      exists (
        select 1 from progress_totals t
        where t.indicator_id = ${indicatorId} and t.status in (${statusList(statuses)}) and t.updates > 0
          and t.period_end between p.period_start and p.period_end
      ) as reported
    from (values ${windowsValues(windows)}) as p(period_start, period_end, ord)
    cross join lateral (
      select sum(c.series) as series, sum(c.value) as value, sum(c.value_series) as value_series,
        sum(c.numerator) as numerator, sum(c.numerator_series) as numerator_series,
        sum(c.denominator) as denominator, sum(c.denominator_series) as denominator_series
      from progress_level_changes c
      where c.indicator_id = ${indicatorId} and c.counted = ${counted} and c.period_end <= p.period_end
    ) l
    order by p.ord`,
  );
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
  const unchanged = await unchangedSince(db, sql`${indicatorId}`, asOf);
  const counted = summaryCounted(statuses);
  if (accumulation !== 'non_cumulative' && unchanged && counted && (await nothingAfter(db, indicatorId, asOf, statuses))) {
    return levelsFromChanges(db, indicatorId, windows, statuses, counted);
  }
  const query =
    accumulation === 'non_cumulative' && unchanged && counted
      ? // The per-period buckets of the summary: a few rows per window instead of every update.
        sql`
      select p.period_end::text as "periodEnd",
        sum(t.value)::float8 as value, sum(t.numerator)::float8 as numerator,
        sum(t.denominator)::float8 as denominator, coalesce(sum(t.updates), 0)::int as count,
        coalesce(sum(t.updates), 0) > 0 as reported
      from (values ${windowsValues(windows)}) as p(period_start, period_end, ord)
      left join progress_totals t on t.indicator_id = ${indicatorId} and t.status in (${statusList(statuses)})
        and t.period_start <= ${asOf}::date and t.period_end between p.period_start and p.period_end
      group by p.ord, p.period_end
      order by p.ord`
      : accumulation === 'non_cumulative'
        ? sql`
      with ${countedCte(indicatorId, asOf, statuses, unchanged)}
      select p.period_end::text as "periodEnd",
        sum(u.value)::float8 as value, sum(u.numerator)::float8 as numerator,
        sum(u.denominator)::float8 as denominator, count(u.id)::int as count, count(u.id) > 0 as reported
      from (values ${windowsValues(windows)}) as p(period_start, period_end, ord)
      left join counted u on u.period_end between p.period_start and p.period_end
      group by p.ord, p.period_end
      order by p.ord`
        : // Per series, each update is the latest from its period end until the series' next update's: one pass
          // over the indicator's updates (window function lead) instead of a lookup per series and window.
          sql`
      with ${countedCte(indicatorId, asOf, statuses, unchanged)},
      spans as (
        select c.id, c.value, c.numerator, c.denominator, c.period_end,
          lead(c.period_end) over (
            partition by coalesce(c.city_id, 0), coalesce(c.cluster_id, 0), coalesce(c.partner_id, 0)
            order by c.period_end, c.id
          ) as next_end
        from counted c
      )
      select p.period_end::text as "periodEnd",
        sum(l.value)::float8 as value, sum(l.numerator)::float8 as numerator,
        sum(l.denominator)::float8 as denominator, count(l.id)::int as count,
        coalesce(bool_or(l.period_end >= p.period_start), false) as reported
      from (values ${windowsValues(windows)}) as p(period_start, period_end, ord)
      left join spans l on l.period_end <= p.period_end and (l.next_end is null or l.next_end > p.period_end)
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
  const unchanged = await unchangedSince(db, sql`${indicatorId}`, asOf);
  const counted = summaryCounted(statuses);
  // Cumulative and snapshot, nothing changed after asOf and nothing logged ahead: each series' latest update is
  // in progress_latest (one row per series) instead of being picked from every update of the indicator.
  const fromLatest =
    accumulation !== 'non_cumulative' && unchanged && counted && (await nothingAfter(db, indicatorId, asOf, statuses));
  const contributing =
    accumulation === 'non_cumulative'
      ? sql`select ${column} as member, value, numerator, denominator from counted`
      : fromLatest
        ? sql`select nullif(l.${sql.raw(`${dimension}_key`)}, 0) as member, l.value, l.numerator, l.denominator
          from progress_latest l where l.indicator_id = ${indicatorId} and l.counted = ${counted}`
        : sql`select distinct on (coalesce(city_id, 0), coalesce(cluster_id, 0), coalesce(partner_id, 0))
          ${column} as member, value, numerator, denominator
        from counted
        order by coalesce(city_id, 0), coalesce(cluster_id, 0), coalesce(partner_id, 0), period_end desc, id desc`;
  const rows = await queryRows<BreakdownRow>(
    db,
    sql`
    with ${countedCte(indicatorId, asOf, statuses, unchanged)},
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
