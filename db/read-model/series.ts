import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '@/lib/periods';
import type { Accumulation } from '@/lib/progress/types';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';
import type { ReadClock } from './clock';
import { statusList, summaryCounted, windowsValues, type PeriodAggregateRow, type UpdateStatus } from './counting';
import { unchangedSince, updatesKnownOn } from './known-on';

/**
 * The counted updates of one indicator at the clock: a CTE named `counted` of the updates whose period has begun
 * by asOf, as they stand (current knowledge, or nothing changed since the knowledge day: `current`) or as they
 * stood at the end of the knowledge day.
 */
export function countedCte(indicatorId: number, clock: ReadClock, statuses: readonly UpdateStatus[], current: boolean): SQL {
  const { asOf } = clock;
  const source = current || clock.knownOn === null
    ? sql`(select u.id, u.indicator_id, u.period_start, u.period_end, u.value, u.numerator, u.denominator, u.city_id,
        u.cluster_id, u.partner_id, u.status from progress_updates u where u.indicator_id = ${indicatorId})`
    : updatesKnownOn(sql`${indicatorId}`, clock.knownOn);
  return sql`counted as (
    select * from ${source} a
    where a.status in (${statusList(statuses)}) and a.period_start <= ${asOf}::date
  )`;
}


/** No counted update of the indicator is for a period starting after asOf (logged ahead of time). */
export async function nothingAfter(db: Db, indicatorId: number, asOf: string, statuses: readonly UpdateStatus[]): Promise<boolean> {
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
 * Cumulative and snapshot levels from progress_level_changes (db/sql/progress-level-changes.sql): a window's level is the running sum
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
 * Whether the indicator's updates as they stand answer for the clock: current knowledge, or nothing of the
 * indicator changed since the knowledge day.
 */
export async function standsAsKnown(db: Db, indicatorId: number, clock: ReadClock): Promise<boolean> {
  return clock.knownOn === null || unchangedSince(db, sql`${indicatorId}`, clock.knownOn);
}

/**
 * One logged indicator's aggregate per window at the clock. A window is a period of the indicator's frequency,
 * or the whole plan for the actual to date. Only updates whose period has begun by asOf count.
 * non_cumulative: the sum of updates whose period ends in the window; cumulative/snapshot: per series (city,
 * cluster, partner), the latest value up to the window's end, summed.
 */
export async function indicatorSeries(
  db: Db,
  indicatorId: number,
  accumulation: Accumulation,
  windows: readonly Period[],
  clock: ReadClock,
  statuses: readonly UpdateStatus[],
): Promise<PeriodAggregateRow[]> {
  if (windows.length === 0) return [];
  const { asOf } = clock;
  const unchanged = await standsAsKnown(db, indicatorId, clock);
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
      with ${countedCte(indicatorId, clock, statuses, unchanged)}
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
      with ${countedCte(indicatorId, clock, statuses, unchanged)},
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

