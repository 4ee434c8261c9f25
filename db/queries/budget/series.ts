import { sql } from 'drizzle-orm';
import type { BudgetRevision } from '@/types/budget';
import type { Db } from '../../client';
import { queryRows } from '../raw';
import { budgetInForceSql, currentExpenditure } from './common';

/**
 * The budget page's time series: for each month of the plan, the budget in force at its end, the spending planned
 * by then (that budget spread evenly over the plan's days) and the spending counted to date (none after the
 * as-of date). Cumulative, decimal strings in the base currency.
 */
export interface MonthPoint {
  /** 'YYYY-MM' */
  month: string;
  /** The last day counted: the month's end, or the plan's end. */
  monthEnd: string;
  budget: string;
  planned: string;
  /** null for months that start after the as-of date. */
  spent: string | null;
}

export async function monthlySpendSeries(db: Db, planId: number, asOf: string): Promise<MonthPoint[]> {
  return queryRows<MonthPoint>(
    db,
    sql`with plan as (select id, start_date, end_date, (end_date - start_date + 1) as days from work_plans where id = ${planId}),
        months as (
          select to_char(m, 'YYYY-MM') as month, m::date as month_start,
            least((m + interval '1 month' - interval '1 day')::date, plan.end_date) as month_end
          from plan, generate_series(date_trunc('month', plan.start_date::timestamp), plan.end_date::timestamp, interval '1 month') m
        ),
        budgets as (
          select months.month, coalesce(sum(${budgetInForceSql(sql`l`, sql`months.month_end`)}), 0) as budget
          from months left join budget_lines l on l.plan_id = ${planId}
          group by months.month
        )
        select months.month, months.month_end::text as "monthEnd", b.budget::text as budget,
          round(b.budget * (months.month_end - plan.start_date + 1) / plan.days, 2)::text as planned,
          case when months.month_start <= ${asOf}::date then (
            select coalesce(sum(e.base_amount), 0) from expenditures e
            where e.plan_id = ${planId} and ${currentExpenditure(sql`e`)} and e.spent_on <= least(months.month_end, ${asOf}::date)
          )::text end as spent
        from months join budgets b on b.month = months.month cross join plan
        order by months.month`,
  );
}

export type RevisionPoint = BudgetRevision;

/** Every budget revision of a plan, in date order (the charts mark them). */
export async function planBudgetRevisions(db: Db, planId: number): Promise<RevisionPoint[]> {
  return queryRows<RevisionPoint>(
    db,
    sql`select r.id, r.effective_on::text as "effectiveOn", l.code as "lineCode", r.old_amount::text as "oldAmount",
          r.new_amount::text as "newAmount", r.reason, u.name as "revisedBy"
        from budget_revisions r join budget_lines l on l.id = r.line_id left join users u on u.id = r.revised_by
        where l.plan_id = ${planId} order by r.effective_on, r.id`,
  );
}
