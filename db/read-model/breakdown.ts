import { sql, type SQL } from 'drizzle-orm';
import type { Accumulation } from '@/lib/progress/types';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';
import { ReadModelInputError, type ReadClock } from './clock';
import { summaryCounted, type UpdateStatus } from './counting';
import { countedCte, nothingAfter, standsAsKnown } from './series';

/** The dimensions a logged update carries: its city (and through it the region), cluster and partner. */
export const BREAKDOWN_DIMENSIONS = ['city', 'region', 'cluster', 'partner'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface BreakdownRow {
  /** The member's key: its id (city, cluster, partner) or name (region); null for "others" or updates without it. */
  member: string | null;
  /** null: the "others" bucket (ranks beyond top N), updates without this dimension, or a region. */
  memberId: number | null;
  name: string | null;
  nameZh: string | null;
  others: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
}

// Each dimension's member (a column of the counted updates, or of progress_latest's keys) and the table its
// names come from; a region is its own name. Members stay integers where they are ids, so grouping and the
// join to their names use the ids' types and indexes.
const dimensions: Record<BreakdownDimension, { member: SQL; latestMember: SQL; table: SQL | null }> = {
  city: { member: sql.raw('city_id'), latestMember: sql.raw('nullif(l.city_key, 0)'), table: sql.raw('cities') },
  region: {
    member: sql.raw('(select c.region::text from cities c where c.id = city_id)'),
    latestMember: sql.raw('(select c.region::text from cities c where c.id = l.city_key)'),
    table: null,
  },
  cluster: { member: sql.raw('cluster_id'), latestMember: sql.raw('nullif(l.cluster_key, 0)'), table: sql.raw('clusters') },
  partner: { member: sql.raw('partner_id'), latestMember: sql.raw('nullif(l.partner_key, 0)'), table: sql.raw('partners') },
};

export function isBreakdownDimension(value: string): value is BreakdownDimension {
  return (BREAKDOWN_DIMENSIONS as readonly string[]).includes(value);
}

/**
 * The actual to date of a logged indicator split by city, region, cluster or partner: the top N members by value (percent: by the ratio of
 * their sums) and one "others" row, all aggregated in SQL with the same per-series rules as the series.
 * Updates without the dimension form their own member (memberId null).
 */
export async function logBreakdown(
  db: Db,
  indicatorId: number,
  accumulation: Accumulation,
  dimension: string,
  clock: ReadClock,
  statuses: readonly UpdateStatus[],
  topN: number,
): Promise<BreakdownRow[]> {
  if (!isBreakdownDimension(dimension)) throw new ReadModelInputError('dimension', 'unknown_dimension');
  const { asOf } = clock;
  const { member: column, latestMember, table } = dimensions[dimension];
  const unchanged = await standsAsKnown(db, indicatorId, clock);
  const counted = summaryCounted(statuses);
  // Cumulative and snapshot, nothing changed after asOf and nothing logged ahead: each series' latest update is
  // in progress_latest (one row per series) instead of being picked from every update of the indicator.
  const fromLatest =
    accumulation !== 'non_cumulative' && unchanged && counted && (await nothingAfter(db, indicatorId, asOf, statuses));
  const contributing =
    accumulation === 'non_cumulative'
      ? sql`select ${column} as member, value, numerator, denominator from counted`
      : fromLatest
        ? sql`select ${latestMember} as member, l.value, l.numerator, l.denominator
          from progress_latest l where l.indicator_id = ${indicatorId} and l.counted = ${counted}`
        : sql`select distinct on (coalesce(city_id, 0), coalesce(cluster_id, 0), coalesce(partner_id, 0))
          ${column} as member, value, numerator, denominator
        from counted
        order by coalesce(city_id, 0), coalesce(cluster_id, 0), coalesce(partner_id, 0), period_end desc, id desc`;
  const rows = await queryRows<Omit<BreakdownRow, 'memberId'>>(
    db,
    sql`
    with ${countedCte(indicatorId, clock, statuses, unchanged)},
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
    select b.bucket::text as member, ${table ? sql`max(t.name)` : sql`null::text`} as name,
      ${table ? sql`max(t.name_zh)` : sql`null::text`} as "nameZh", b.others,
      sum(b.value)::float8 as value, sum(b.numerator)::float8 as numerator,
      sum(b.denominator)::float8 as denominator, sum(b.count)::int as count, min(b.rank) as first_rank
    from bucketed b
    ${table ? sql`left join ${table} t on t.id = b.bucket` : sql``}
    group by b.others, b.bucket, b.bucket_rank
    order by others, first_rank`,
  );
  return rows.map(({ member, name, nameZh, others, value, numerator, denominator, count }) => ({
    member,
    memberId: member === null || dimension === 'region' ? null : Number(member),
    name: dimension === 'region' ? member : name,
    nameZh,
    others,
    value,
    numerator,
    denominator,
    count,
  }));
}
