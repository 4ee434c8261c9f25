import { sql, type SQL } from 'drizzle-orm';

/** Which updates count: dashboards count approved updates; a labelled switch adds submitted ones. */
export type UpdateStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'withdrawn';

export function countedStatuses(includeSubmitted: boolean): UpdateStatus[] {
  return includeSubmitted ? ['approved', 'submitted'] : ['approved'];
}

export function statusList(statuses: readonly UpdateStatus[]): SQL {
  return sql.join(
    statuses.map((s) => sql`${s}::update_status`),
    sql`, `,
  );
}

/**
 * The two ways dashboards count, as the summary tables keep them (progress_latest.counted and friends);
 * undefined for any other set of statuses (which then reads the updates themselves).
 */
export function summaryCounted(statuses: readonly UpdateStatus[]): 'approved' | 'submitted' | undefined {
  const set = [...new Set(statuses)].sort().join(',');
  return set === 'approved' ? 'approved' : set === 'approved,submitted' ? 'submitted' : undefined;
}

/** SQL sums of the contributing updates; lib/progress/reading turns them into a Reading. */
export interface AggregateRow {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Number of updates (or series) that contributed. */
  count: number;
}

export interface ActualToDateRow extends AggregateRow {
  indicatorId: number;
  lastUpdatedAt: string | null;
}

export interface PeriodAggregateRow extends AggregateRow {
  periodEnd: string;
  /** Some update was reported for this very period (cumulative values otherwise carry forward). */
  reported: boolean;
}

/** (start, end, ord) rows of a list of windows, for `(values …) as p(period_start, period_end, ord)`. */
export function windowsValues(windows: readonly { start: string; end: string }[]): SQL {
  return sql.join(
    windows.map((p, i) => sql`(${p.start}::date, ${p.end}::date, ${i}::int)`),
    sql`, `,
  );
}

/** The plan's indicators, or one of them (`only`): an indicator page reads its own row of the same query. */
export interface ActualsScope {
  planId: number;
  only?: number;
}

export function scopeCondition({ planId, only }: ActualsScope, alias = ''): SQL {
  const a = sql.raw(alias ? `${alias}.` : '');
  return only === undefined ? sql`${a}plan_id = ${planId}` : sql`${a}plan_id = ${planId} and ${a}id = ${only}`;
}

/** The `ind` common table the actuals start from: the scope's indicators that are not retired, and how each adds up. */
export const scopedIndicators = (scope: ActualsScope): SQL =>
  sql`ind as (select id, accumulation from indicators where ${scopeCondition(scope)} and retired_at is null)`;
