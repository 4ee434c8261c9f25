import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { indicators, users } from '../schema';

/**
 * Locks and reopenings are made for one indicator or for the whole plan (indicator null): those that apply to
 * an indicator are its own and the plan-wide ones. Without an indicator, every row applies (no condition).
 */
export function appliesToIndicator(indicatorColumn: AnyColumn, indicatorId: number | SQL | undefined): SQL | undefined {
  if (indicatorId === undefined) return undefined;
  return sql`(${indicatorColumn} = ${indicatorId} or ${indicatorColumn} is null)`;
}

/**
 * A plan's locks or reopenings that apply to the indicator (all of them without one): the given columns, the
 * indicator's code (null for a plan-wide row) and the name of who made each (`by`).
 */
export function applyingRows<T extends PgTable & { planId: AnyColumn; indicatorId: AnyColumn }, F extends SelectedFields>(
  db: Db,
  table: T,
  fields: F,
  by: AnyColumn,
  planId: number,
  indicatorId: number | undefined,
) {
  return db
    .select({ ...fields, indicatorCode: indicators.code, byName: users.name })
    .from(table as PgTable)
    .leftJoin(indicators, eq(indicators.id, table.indicatorId))
    .leftJoin(users, eq(users.id, by))
    .where(and(eq(table.planId, planId), appliesToIndicator(table.indicatorId, indicatorId)));
}
