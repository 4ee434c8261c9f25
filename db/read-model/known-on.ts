import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';
import { endOfDay } from './clock';

/**
 * Knowledge time: progress updates as they stood at the end of a past day.
 *
 * Every change copies the previous state into progress_update_versions (created_at = when it was replaced), so
 * an update's state at a moment T is its earliest version archived after T, else its current row; updates
 * created after T did not exist yet.
 */
const stateAsOf = sql.raw(`coalesce(v.period_start, u.period_start) as period_start, coalesce(v.period_end, u.period_end) as period_end,
      case when v.id is null then u.value else v.value end as value,
      case when v.id is null then u.numerator else v.numerator end as numerator,
      case when v.id is null then u.denominator else v.denominator end as denominator,
      case when v.id is null then u.city_id else v.city_id end as city_id,
      case when v.id is null then u.cluster_id else v.cluster_id end as cluster_id,
      case when v.id is null then u.partner_id else v.partner_id end as partner_id,
      coalesce(v.status, u.status) as status`);

/** The updates of some indicators as known at the end of `day` (columns of progress_updates that count). */
export function updatesKnownOn(indicatorIds: SQL, day: string): SQL {
  const moment = endOfDay(day);
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
 * updatesKnownOn for a whole plan, with each update's accumulation: the versions replaced after the moment are
 * gathered once (few: only changes made after the day) and hash-joined, instead of one index lookup per update,
 * and the plan's indicators are joined before any filter on the reconstructed state (whose selectivity the
 * planner cannot estimate, which made it choose nested loops over every update).
 */
export function planUpdatesKnownOn(scope: { planId: number; only?: number }, day: string): SQL {
  const moment = endOfDay(day);
  return sql`(
    select u.id, u.indicator_id, i.accumulation,
      ${stateAsOf}
    from progress_updates u
    join indicators i on i.id = u.indicator_id and i.plan_id = ${scope.planId} and i.retired_at is null
      ${scope.only === undefined ? sql`` : sql`and i.id = ${scope.only}`}
    left join (
      select distinct on (pv.update_id) pv.* from progress_update_versions pv
      where pv.created_at >= ${moment}
      order by pv.update_id, pv.version asc
    ) v on v.update_id = u.id
    where u.created_at < ${moment}
  )`;
}

/**
 * Nothing of these indicators changed after the end of `day`: no update created, corrected, reviewed or
 * withdrawn since (every change stamps updated_at; progress_indicator_totals keeps the latest per indicator and
 * status). Then current knowledge is the knowledge of that day, and the summary tables answer for it.
 */
export async function unchangedSince(db: Db, indicators: SQL, day: string): Promise<boolean> {
  const [row] = await queryRows<{ unchanged: boolean }>(
    db,
    sql`select coalesce(max(t.last_updated_at) < ${endOfDay(day)}, true) as unchanged
      from progress_indicator_totals t where t.indicator_id in (${indicators})`,
  );
  return row?.unchanged ?? false;
}
