import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Locks and reopenings are made for one indicator or for the whole plan (indicator null): those that apply to
 * an indicator are its own and the plan-wide ones. Without an indicator, every row applies (no condition).
 */
export function appliesToIndicator(indicatorColumn: AnyColumn, indicatorId: number | SQL | undefined): SQL | undefined {
  if (indicatorId === undefined) return undefined;
  return sql`(${indicatorColumn} = ${indicatorId} or ${indicatorColumn} is null)`;
}
