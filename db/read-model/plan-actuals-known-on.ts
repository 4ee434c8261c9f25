import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';
import { progressAsOfSnapshotRows } from '../schema';
import { endOfDay, type ReadClock } from './clock';
import { scopeCondition, statusList, summaryCounted, type ActualsScope, type ActualToDateRow, type UpdateStatus } from './counting';
import { planUpdatesKnownOn, unchangedSince } from './known-on';

/**
 * planActuals as known at the end of a past day (clock.knownOn): the same rules over the updates as they stood
 * then. `current` answers when nothing of the plan changed since that day. A day whose period time is its own
 * knowledge time (a report's "then" column: the standing the committee saw at its meeting) is kept once computed.
 */
export async function planActualsKnownOn(
  db: Db,
  scope: ActualsScope,
  clock: ReadClock,
  statuses: readonly UpdateStatus[],
  current: () => Promise<Map<number, ActualToDateRow>>,
): Promise<Map<number, ActualToDateRow>> {
  const { asOf } = clock;
  const { planId } = scope;
  const day = clock.knownOn ?? asOf;
  const planIndicators = sql`select id from indicators where ${scopeCondition(scope)} and retired_at is null`;
  const counted = summaryCounted(statuses);
  if (counted && (await unchangedSince(db, planIndicators, day))) {
    const rows = await current();
    return new Map([...rows].map(([id, row]) => [id, { ...row, lastUpdatedAt: null }]));
  }
  const keepable = counted && day === asOf && scope.only === undefined ? counted : undefined;
  const kept = keepable ? await readSnapshot(db, planId, asOf, keepable) : undefined;
  if (kept) return kept;
  const rows = await queryRows<ActualToDateRow>(
    db,
    sql`
    with counted as (
      select a.* from ${planUpdatesKnownOn(scope, day)} a
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
  if (keepable) await keepSnapshot(db, planId, asOf, keepable, rows);
  return new Map(rows.map((r) => [r.indicatorId, r]));
}

/** How many updates of the plan (any status, retired indicators included) were created by the end of a day. */
function createdByEndOf(planId: number, day: string): SQL {
  return sql`select count(*)::int from progress_updates u join indicators i on i.id = u.indicator_id
    where i.plan_id = ${planId} and u.created_at < ${endOfDay(day)}`;
}

/**
 * The number of updates of the plan created by the end of a day, cheaply when it can be: every update when none
 * changed after the day (the per-indicator roll-ups count them), else a kept snapshot's count, else counted.
 */
export async function updatesCreatedBy(db: Db, planId: number, day: string): Promise<number> {
  const [row] = await queryRows<{ n: number | null }>(
    db,
    sql`select case
        when coalesce((select max(r.last_updated_at) from progress_indicator_totals r join indicators i on i.id = r.indicator_id
          where i.plan_id = ${planId}), '-infinity') < ${endOfDay(day)}
        then (select coalesce(sum(r.updates), 0)::int from progress_indicator_totals r join indicators i on i.id = r.indicator_id
          where i.plan_id = ${planId})
        else (select s.updates_created from progress_as_of_snapshots s where s.plan_id = ${planId} and s.as_of = ${day}::date limit 1)
      end as n`,
  );
  if (row?.n !== null && row?.n !== undefined) return Number(row.n);
  const [counted] = await queryRows<{ n: number }>(db, sql`select (${createdByEndOf(planId, day)}) as n`);
  return Number(counted!.n);
}

/** A past day's actuals kept by keepSnapshot, or undefined when none is kept. */
async function readSnapshot(db: Db, planId: number, asOf: string, counted: 'approved' | 'submitted') {
  const rows = await queryRows<ActualToDateRow & { snapshotId: number }>(
    db,
    sql`select s.id as "snapshotId", r.indicator_id as "indicatorId", r.value::float8 as value,
        r.numerator::float8 as numerator, r.denominator::float8 as denominator, r.updates as count, null as "lastUpdatedAt"
      from progress_as_of_snapshots s
      left join progress_as_of_snapshot_rows r on r.snapshot_id = s.id
      where s.plan_id = ${planId} and s.as_of = ${asOf}::date and s.counted = ${counted}`,
  );
  if (rows.length === 0) return undefined;
  return new Map(
    rows.filter((r) => r.indicatorId !== null).map(({ snapshotId: _, ...r }) => [Number(r.indicatorId), { ...r, indicatorId: Number(r.indicatorId) }]),
  );
}

/**
 * Keeps a plan's actuals as they stood at the end of a day that has passed (progress_as_of_snapshots; see db/sql/progress-snapshots.sql),
 * so that the committee report's "then" column is computed once instead of on every load (at 5,000,000 updates
 * the reconstruction reads every update). Only days that ended more than a day ago: a transaction that began
 * before the day's end could still commit rows stamped within it. Triggers drop a snapshot that a later write
 * would change (back-dated rows, an indicator's counting changed).
 */
async function keepSnapshot(db: Db, planId: number, asOf: string, counted: 'approved' | 'submitted', rows: ActualToDateRow[]) {
  await db.transaction(async (tx) => {
    const [header] = await queryRows<{ id: number }>(
      tx as unknown as Db,
      sql`insert into progress_as_of_snapshots (plan_id, as_of, counted, updates_created)
        select ${planId}, ${asOf}::date, ${counted}, (${createdByEndOf(planId, asOf)})
        where ((${asOf}::date + 2)::timestamp at time zone 'UTC') < now()
        on conflict (plan_id, as_of, counted) do nothing
        returning id`,
    );
    if (!header || rows.length === 0) return;
    await tx.insert(progressAsOfSnapshotRows).values(
      rows.map((r) => ({
        snapshotId: Number(header.id),
        indicatorId: r.indicatorId,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        updates: r.count,
      })),
    );
  });
}
