import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import { queryRows } from '../raw';
import { budgetInForceSql, currentExpenditure } from './common';

/**
 * Budget utilisation, computed once, here, in SQL: the budget in force on the as-of date (revisions effective
 * after it undone), the spending counted to that date (current versions only, in the base currency), and their
 * ratio — overall, per goal, per budget line and per funding source, in one grouping-sets query. Money stays
 * Postgres numeric and reaches TypeScript as decimal strings; only the ratios (not money) are numbers.
 *
 * Time elapsed counts whole days, the as-of date included: (asOf − start + 1) ÷ (end − start + 1). The projected
 * year-end spend keeps the pace so far: spent × plan days ÷ elapsed days, rounded to the cent.
 */

export type UtilisationLevel = 'plan' | 'goal' | 'line' | 'source';

export interface UtilisationRow {
  level: UtilisationLevel;
  /** Line: its id; goal: the goal id (null for programme-wide lines); otherwise null. */
  id: number | null;
  code: string | null;
  title: string | null;
  titleZh: string | null;
  goalId: number | null;
  fundingSource: string | null;
  /** Decimal strings in the base currency. */
  budget: string;
  spent: string;
  remaining: string;
  projectedYearEnd: string;
  /** spent ÷ budget; null when the budget is zero. */
  utilisation: number | null;
}

export interface UtilisationTiming {
  /** Share of the plan's days gone by on the as-of date (0–1). */
  timeElapsed: number;
  elapsedDays: number;
  planDays: number;
}

interface RawRow extends Omit<UtilisationRow, 'level'> {
  g_goal: number;
  g_line: number;
  g_source: number;
}

function levelOf(r: RawRow): UtilisationLevel {
  if (r.g_line === 0) return 'line';
  if (r.g_goal === 0) return 'goal';
  if (r.g_source === 0) return 'source';
  return 'plan';
}

/** Every level of utilisation of a plan on a date, with the plan's timing. */
export async function utilisationAsOf(db: Db, planId: number, asOf: string): Promise<{ rows: UtilisationRow[]; timing: UtilisationTiming }> {
  const [timing] = await queryRows<UtilisationTiming>(
    db,
    sql`select greatest(0, least(${asOf}::date, end_date) - start_date + 1)::int as "elapsedDays",
          (end_date - start_date + 1)::int as "planDays",
          (greatest(0, least(${asOf}::date, end_date) - start_date + 1)::numeric / (end_date - start_date + 1))::float8 as "timeElapsed"
        from work_plans where id = ${planId}`,
  );
  if (!timing) return { rows: [], timing: { timeElapsed: 0, elapsedDays: 0, planDays: 0 } };
  const raw = await queryRows<RawRow>(
    db,
    sql`with line_budget as (
          select l.id, l.code, l.title, l.title_zh, l.goal_id, l.funding_source, ${budgetInForceSql(sql`l`, sql`${asOf}::date`)} as budget
          from budget_lines l where l.plan_id = ${planId}
        ),
        line_spent as (
          select e.line_id, sum(e.base_amount) as spent from expenditures e
          where e.plan_id = ${planId} and e.spent_on <= ${asOf}::date and ${currentExpenditure(sql`e`)}
          group by e.line_id
        ),
        per_line as (
          select b.*, coalesce(s.spent, 0) as spent from line_budget b left join line_spent s on s.line_id = b.id
        ),
        grouped as (
          select grouping(goal_id) as g_goal, grouping(id) as g_line, grouping(funding_source) as g_source,
            id, code, title, title_zh, goal_id, funding_source, sum(budget) as budget, sum(spent) as spent
          from per_line
          group by grouping sets ((), (goal_id), (id, code, title, title_zh, goal_id, funding_source), (funding_source))
        )
        select g.g_goal::int as g_goal, g.g_line::int as g_line, g.g_source::int as g_source,
          case when g.g_line = 0 then g.id when g.g_goal = 0 then g.goal_id end as id,
          case when g.g_line = 0 then g.code when g.g_goal = 0 then goals.code end as code,
          case when g.g_line = 0 then g.title when g.g_goal = 0 then goals.title end as title,
          case when g.g_line = 0 then g.title_zh when g.g_goal = 0 then goals.title_zh end as "titleZh",
          g.goal_id as "goalId", g.funding_source as "fundingSource",
          g.budget::text as budget, g.spent::text as spent, (g.budget - g.spent)::text as remaining,
          (case when ${timing.elapsedDays} > 0 then round(g.spent * ${timing.planDays} / ${timing.elapsedDays}, 2) else 0 end)::text as "projectedYearEnd",
          (case when g.budget > 0 then g.spent / g.budget end)::float8 as utilisation
        from grouped g left join goals on g.g_goal = 0 and g.g_line = 1 and goals.id = g.goal_id
        order by g.g_line desc, g.g_goal, goals.sort_order nulls last, g.code, g.funding_source`,
  );
  const rows = raw.map(({ g_goal, g_line, g_source, ...r }) => ({ ...r, level: levelOf({ g_goal, g_line, g_source, ...r }) }));
  // An empty plan still has an overall row of zeros (grouping sets over no rows return none).
  if (!rows.some((r) => r.level === 'plan')) {
    rows.unshift({ level: 'plan', id: null, code: null, title: null, titleZh: null, goalId: null, fundingSource: null, budget: '0', spent: '0', remaining: '0', projectedYearEnd: '0', utilisation: null });
  }
  return { rows, timing };
}

export interface BudgetUtilisation {
  asOf: string;
  currency: string;
  budget: string;
  spent: string;
  utilisation: number | null;
  timing: UtilisationTiming;
  byLine?: { code: string; budget: string; spent: string; utilisation: number | null }[];
  bySource?: { fundingSource: string; budget: string; spent: string; utilisation: number | null }[];
}

/**
 * The financial-utilisation figure of a plan on a date (spent ÷ budget in force), with breakdowns by budget line
 * and funding source when asked: what the supporting-commitment indicator derives from.
 */
export async function budgetUtilisationToDate(
  db: Db,
  planId: number,
  asOf: string,
  options: { byLine?: boolean; bySource?: boolean } = {},
): Promise<BudgetUtilisation> {
  const [{ rows, timing }, currency] = await Promise.all([utilisationAsOf(db, planId, asOf), planBaseCurrency(db, planId)]);
  const plan = rows.find((r) => r.level === 'plan')!;
  const pick = ({ budget, spent, utilisation }: UtilisationRow) => ({ budget, spent, utilisation });
  return {
    asOf,
    currency,
    ...pick(plan),
    timing,
    ...(options.byLine ? { byLine: rows.filter((r) => r.level === 'line').map((r) => ({ code: r.code ?? '', ...pick(r) })) } : {}),
    ...(options.bySource
      ? { bySource: rows.filter((r) => r.level === 'source').map((r) => ({ fundingSource: r.fundingSource ?? '', ...pick(r) })) }
      : {}),
  };
}

export async function planBaseCurrency(db: Db, planId: number): Promise<string> {
  const [row] = await queryRows<{ currency: string }>(db, sql`select base_currency as currency from plan_budget_settings where plan_id = ${planId}`);
  return row?.currency ?? 'USD';
}

/**
 * The same figure over a relation of windows `w(ord, from_d, to_d)` — the shape db/queries/derived evaluates its
 * definitions over — so that the supporting-commitment indicator derives from this module: per window,
 * numerator = spent to `to_d` and denominator = budget in force on `to_d` (from_d is ignored: utilisation is a
 * level to date), both float8 in the base currency, which are the decimal figures above rounded once to the
 * nearest double; `last_on` is the date of the latest change it reflects (an expenditure's date or a revision's
 * effective date, up to `to_d`). With `by`, one row per budget line (`dimension` = its code) or funding source,
 * with a label.
 */
export function utilisationWindowsSql(windows: SQL, planId: number | SQL, by?: 'line' | 'source'): SQL {
  const dimension = by === 'line' ? sql`l.code` : by === 'source' ? sql`l.funding_source` : sql`null::text`;
  const label = by === 'line' ? sql`min(l.code || ' ' || l.title)` : by === 'source' ? sql`min(l.funding_source)` : sql`null::text`;
  const labelZh = by === 'line' ? sql`min(l.code || ' ' || coalesce(l.title_zh, l.title))` : sql`null::text`;
  return sql`
    select w.ord, ${dimension} as dimension, ${label} as label, ${labelZh} as label_zh, null::float8 as value,
      coalesce(sum((select coalesce(sum(e.base_amount), 0) from expenditures e
        where e.line_id = l.id and e.spent_on <= w.to_d and ${currentExpenditure(sql`e`)})), 0)::float8 as numerator,
      coalesce(sum(${budgetInForceSql(sql`l`, sql`w.to_d`)}), 0)::float8 as denominator,
      max(greatest(
        (select max(e.spent_on) from expenditures e where e.line_id = l.id and e.spent_on <= w.to_d and ${currentExpenditure(sql`e`)}),
        (select max(r.effective_on) from budget_revisions r where r.line_id = l.id and r.effective_on <= w.to_d)))::text as last_on
    from ${windows} left join budget_lines l on l.plan_id = ${planId}
    group by w.ord${by ? sql`, ${dimension}` : sql``}`;
}
