import { sql } from 'drizzle-orm';
import type { Frequency, Period } from '@/lib/periods';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Accumulation, ValueKind } from '@/lib/progress/types';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';
import type { ReadClock } from './clock';
import { statusList as statusSql, type AggregateRow, type UpdateStatus } from './counting';
import { derivedSeries } from './derived';
import { disaggregationFilter, type UpdateFilters } from './filters';

export interface SparklineRow extends AggregateRow {
  indicatorId: number;
  ord: number;
}

/**
 * The recent periods of several indicators in ONE query, for the overview's sparklines: per-period sums for
 * non-cumulative indicators (updates whose period ends in the period, as the chart counts them), and for
 * cumulative and snapshot ones the latest value of each series (city, cluster, partner) up to the period's
 * end, summed over series — the rules of `indicatorSeries` (./series.ts) at current knowledge, batched: only
 * updates whose period has begun by asOf count.
 * Returns only the (indicator, period) pairs that have counted updates; the caller fills the gaps.
 */
async function sparklineRows(
  db: Db,
  indicatorIds: readonly number[],
  periods: readonly Period[],
  asOf: string,
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
  const statusList = statusSql(statuses);
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
      where u.status in (${statusList}) and u.period_end <= ${last}::date and u.period_start <= ${asOf}::date
        ${disaggregationFilter(filters)}
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

interface DetailIndicator {
  id: number;
  planId: number;
  source: 'manual' | 'derived';
  derivedKey: string | null;
  accumulation: Accumulation;
  valueKind: ValueKind;
  frequency: Frequency;
}

/**
 * The sparkline values of the shown indicators, keyed by indicator id: one batched query for the manual
 * ones, and the registry query of each derived one (a handful per goal). Percent values are recomputed from
 * summed numerators and denominators (lib/progress/reading).
 */
export async function sparklines(
  db: Db,
  args: {
    plan: { startDate: string; endDate: string };
    clock: ReadClock;
    periods: readonly Period[];
    statuses: UpdateStatus[];
    filters: UpdateFilters;
    indicators: readonly DetailIndicator[];
  },
): Promise<Map<number, (number | null)[]>> {
  const { plan, clock, periods, statuses, filters, indicators } = args;
  if (clock.knownOn !== null) throw new Error('sparklines: current knowledge only');
  const { asOf } = clock;
  const out = new Map<number, (number | null)[]>();
  if (periods.length === 0) return out;
  const manual = indicators.filter((i) => i.source !== 'derived');
  const derived = indicators.filter((i) => i.source === 'derived');
  const [rows, derivedRows] = await Promise.all([
    sparklineRows(
      db,
      manual.map((i) => i.id),
      periods,
      asOf,
      statuses,
      // The range start does not cut a sparkline: its periods are already those of the range.
      { region: filters.region, cluster: filters.cluster },
    ),
    Promise.all(derived.map(async (i) => [i, await derivedSeries(db, i, plan, periods, clock, { region: filters.region, cluster: filters.cluster })] as const)),
  ]);
  const kindOf = new Map(indicators.map((i) => [i.id, i.valueKind]));
  for (const i of manual) out.set(i.id, periods.map(() => null));
  for (const r of rows) {
    const values = out.get(r.indicatorId);
    if (values) values[r.ord] = readingFromAggregate(kindOf.get(r.indicatorId) ?? 'count', r).value;
  }
  for (const [i, series] of derivedRows) {
    out.set(
      i.id,
      series.map((row) => readingFromAggregate(i.valueKind, row).value),
    );
  }
  return out;
}
