import { sql } from 'drizzle-orm';
import { periodsBetween, type Period } from '@/lib/periods';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';
import type { PlanIndicator } from '../queries/plans';
import { endOfDay, type ReadClock } from './clock';
import { statusList, type UpdateStatus } from './counting';
import { disaggregationFilter, rangeStartFilter, type UpdateFilters } from './filters';

// Who and when of progress: the last reporter of each indicator, and the indicators overdue for a report.

export interface LastReporterRow {
  indicatorId: number;
  reporterName: string | null;
}

/** Who reported the latest counted update of each given indicator (for the overview's "last update" column). */
export async function lastReporters(
  db: Db,
  indicatorIds: readonly number[],
  clock: ReadClock,
  statuses: UpdateStatus[],
  filters: UpdateFilters,
): Promise<Map<number, string | null>> {
  if (indicatorIds.length === 0) return new Map();
  if (clock.knownOn !== null) throw new Error('lastReporters: current knowledge only');
  const ids = sql.join(
    indicatorIds.map((id) => sql`${id}::int`),
    sql`, `,
  );
  // As in planActuals: the range start narrows per-period indicators only.
  const from = rangeStartFilter(filters, 'i');
  const rows = await queryRows<LastReporterRow>(
    db,
    sql`
    select i.id as "indicatorId", l.name as "reporterName"
    from indicators i
    cross join lateral (
      select us.name from progress_updates u left join users us on us.id = u.reported_by
      where u.indicator_id = i.id and u.status in (${statusList(statuses)}) and u.period_start <= ${clock.asOf}::date
        ${from} ${disaggregationFilter(filters)}
      order by u.updated_at desc, u.id desc
      limit 1
    ) l
    where i.id in (${ids})`,
  );
  return new Map(rows.map((r) => [r.indicatorId, r.reporterName]));
}

/** Logged indicators with no counted update whose period ends in their last period completed by asOf. */
export async function overdueIndicators(
  db: Db,
  plan: { startDate: string; endDate: string },
  rows: readonly Pick<PlanIndicator, 'id' | 'source' | 'frequency'>[],
  clock: ReadClock,
  statuses: readonly UpdateStatus[],
) {
  const { asOf } = clock;
  // The last completed period depends only on the frequency: computed once per frequency, not per indicator.
  const lastDone = new Map<PlanIndicator['frequency'], Period | undefined>();
  const ids: number[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  for (const i of rows) {
    if (i.source !== 'manual') continue;
    if (!lastDone.has(i.frequency)) {
      const done = periodsBetween(i.frequency, plan.startDate, plan.endDate).filter((p) => p.end < asOf);
      lastDone.set(i.frequency, done[done.length - 1]);
    }
    const last = lastDone.get(i.frequency);
    if (!last) continue;
    ids.push(i.id);
    starts.push(last.start);
    ends.push(last.end);
  }
  if (ids.length === 0) return new Set<number>();
  // As known on a past day: only updates that existed by its end (their status is today's).
  const knownBy = clock.knownOn === null ? sql`` : sql` and u.created_at < ${endOfDay(clock.knownOn)}`;
  // Three array literals (integers and ISO dates only) instead of three parameters per indicator (3,000 at
  // 1,000 indicators; drizzle expands a JS array into one parameter per element).
  const literal = (values: (number | string)[]) => `{${values.join(',')}}`;
  const reported = await queryRows<{ id: number }>(
    db,
    sql`select d.id from unnest(${literal(ids)}::int[], ${literal(starts)}::date[], ${literal(ends)}::date[]) as d(id, period_start, period_end)
      where exists (
        select 1 from progress_updates u
        where u.indicator_id = d.id and u.status in (${statusList(statuses)})
          and u.period_end between d.period_start and d.period_end${knownBy}
      )`,
  );
  const ok = new Set(reported.map((r) => Number(r.id)));
  return new Set(ids.filter((id) => !ok.has(id)));
}

/** Updates created before `since` and changed (corrected, reviewed, withdrawn) between the ends of two days. */
export async function updatesChangedBetween(db: Db, planId: number, since: string, until: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct v.update_id)::int as n from progress_update_versions v
      join indicators i on i.id = v.indicator_id
      where i.plan_id = ${planId} and v.created_at between ${endOfDay(since)} and ${endOfDay(until)}
        and v.update_created_at < ${endOfDay(since)}`,
  );
  return Number(row?.n ?? 0);
}
