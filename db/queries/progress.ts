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

function statusList(statuses: UpdateStatus[]): SQL {
  return sql.join(
    statuses.map((s) => sql`${s}::update_status`),
    sql`, `,
  );
}

// The series key; the expression matches the progress_updates_series_idx index.
const seriesKey = sql.raw('coalesce(u.city_id, 0), coalesce(u.cluster_id, 0), coalesce(u.partner_id, 0)');

export interface ActualToDateRow extends AggregateRow {
  indicatorId: number;
  lastUpdatedAt: string | null;
}

/** Actual to date of every indicator of a plan, in one query: what the overview and reports read. */
export async function actualsToDate(
  db: Db,
  planId: number,
  asOf: string,
  statuses: UpdateStatus[],
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
    )
    select s.indicator_id as "indicatorId",
      sum(s.value)::float8 as value,
      sum(s.numerator)::float8 as numerator,
      sum(s.denominator)::float8 as denominator,
      count(*)::int as count,
      (select max(c.updated_at)::text from counted c where c.indicator_id = s.indicator_id) as "lastUpdatedAt"
    from summed s
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
