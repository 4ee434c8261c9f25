import { sql } from 'drizzle-orm';
import type { Period } from '@/lib/periods';
import type { Db } from '../client';
import { disaggregationFilter, type UpdateFilters } from './overview-actuals';
import type { AggregateRow, UpdateStatus } from './progress';
import { queryRows } from './raw';

export interface SparklineRow extends AggregateRow {
  indicatorId: number;
  ord: number;
}

/**
 * The recent periods of several indicators in ONE query, for the overview's sparklines: per-period sums for
 * non-cumulative indicators (updates whose period ends in the period, as the chart counts them), and for
 * cumulative and snapshot ones the latest value of each series (city, cluster, partner) up to the period's
 * end, summed over series — the semantics of db/queries/progress.ts `indicatorSeries`, batched.
 * Returns only the (indicator, period) pairs that have counted updates; the caller fills the gaps.
 */
export async function sparklineRows(
  db: Db,
  indicatorIds: readonly number[],
  periods: readonly Period[],
  statuses: UpdateStatus[],
  filters: UpdateFilters = {},
): Promise<SparklineRow[]> {
  if (indicatorIds.length === 0 || periods.length === 0) return [];
  const ids = sql.join(
    indicatorIds.map((id) => sql`${id}::int`),
    sql`, `,
  );
  const periodRows = sql.join(
    periods.map((p, i) => sql`(${i}::int, ${p.start}::date, ${p.end}::date)`),
    sql`, `,
  );
  const statusList = sql.join(
    statuses.map((s) => sql`${s}::update_status`),
    sql`, `,
  );
  const last = periods[periods.length - 1]!.end;
  return queryRows<SparklineRow>(
    db,
    sql`
    with p(ord, ps, pe) as (values ${periodRows}),
    ind as (select id, accumulation from indicators where id in (${ids})),
    counted as (
      select u.id, u.indicator_id, u.value, u.numerator, u.denominator, u.period_end, ind.accumulation,
        coalesce(u.city_id, 0) as city, coalesce(u.cluster_id, 0) as cluster, coalesce(u.partner_id, 0) as partner
      from progress_updates u join ind on ind.id = u.indicator_id
      where u.status in (${statusList}) and u.period_end <= ${last}::date ${disaggregationFilter(filters)}
    ),
    per_period as (
      select c.indicator_id, p.ord, c.value, c.numerator, c.denominator
      from counted c join p on c.period_end between p.ps and p.pe
      where c.accumulation = 'non_cumulative'
    ),
    levels as (
      select l.indicator_id, p.ord, l.value, l.numerator, l.denominator
      from p cross join lateral (
        select distinct on (c.indicator_id, c.city, c.cluster, c.partner) c.indicator_id, c.value, c.numerator, c.denominator
        from counted c
        where c.accumulation <> 'non_cumulative' and c.period_end <= p.pe
        order by c.indicator_id, c.city, c.cluster, c.partner, c.period_end desc, c.id desc
      ) l
    ),
    rows as (select * from per_period union all select * from levels)
    select indicator_id as "indicatorId", ord,
      sum(value)::float8 as value, sum(numerator)::float8 as numerator, sum(denominator)::float8 as denominator,
      count(*)::int as count
    from rows
    group by indicator_id, ord
    order by indicator_id, ord`,
  );
}
