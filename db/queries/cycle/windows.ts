import { and, eq, sql } from 'drizzle-orm';
import type { Frequency, IsoDate, Period } from '@/lib/periods';
import { defaultWindow, isLate, windowPhase, type ReportingWindow, type WindowPhase } from '@/lib/reporting-window';
import { appSettings, reportingCycles, reportingWindows, windowReopenings } from '../../schema';
import type { DbOrTx } from '../audit';
import { prebuilt, type Runner } from '../prebuilt';
import { problem, type Problem } from '../updates/types';

/**
 * The submission windows as every write sees them: the plan's cycle (enforced or not), the admins' dates for
 * single periods, the reopenings, and today (the demo database's stored date, else the calendar's). Loaded once
 * per write; the rule itself is lib/reporting-window.
 */

export interface WindowRules {
  enforced: boolean;
  reminderDays: number;
  today: IsoDate;
  overrides: { frequency: Frequency; periodEnd: string; opensOn: string; dueOn: string; closesOn: string }[];
  reopenings: { indicatorId: number | null; periodEnd: string; reopenedUntil: string }[];
}

/** Today as the write path and the jobs count it: the demo's stored "today", else the UTC calendar date. */
export async function cycleToday(db: DbOrTx, now = new Date()): Promise<IsoDate> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, 'as_of_date'));
  return row?.value ?? now.toISOString().slice(0, 10);
}

/**
 * The rules in one statement (each write loads them: one statement, built once and prepared, instead of four).
 * Dates come back from json as ISO text, as the date columns' own mode gives them.
 */
const planId = sql.placeholder('planId');
const windowRulesStatement = prebuilt(
  'cycle_window_rules',
  {
    enforced: sql<boolean | null>`(select c.enforced from ${reportingCycles} c where c.plan_id = ${planId})`,
    reminderDays: sql<number | null>`(select c.reminder_days from ${reportingCycles} c where c.plan_id = ${planId})`,
    today: sql<IsoDate | null>`(select s.value from ${appSettings} s where s.key = 'as_of_date')`,
    overrides: sql<WindowRules['overrides']>`coalesce((select json_agg(json_build_object('frequency', w.frequency,
      'periodEnd', w.period_end, 'opensOn', w.opens_on, 'dueOn', w.due_on, 'closesOn', w.closes_on))
      from ${reportingWindows} w where w.plan_id = ${planId}), '[]'::json)`,
    reopenings: sql<WindowRules['reopenings']>`coalesce((select json_agg(json_build_object('indicatorId', r.indicator_id,
      'periodEnd', r.period_end, 'reopenedUntil', r.reopened_until))
      from ${windowReopenings} r where r.plan_id = ${planId}), '[]'::json)`,
  },
  (db, fields) => db.select(fields).from(sql`(select 1) as one`),
);

export async function loadWindowRules(db: DbOrTx, plan: number, now = new Date()): Promise<WindowRules> {
  // Every caller passes the pool or a transaction, both of which run prepared statements.
  const [row] = await windowRulesStatement.run(db as DbOrTx & Runner, { planId: plan });
  return {
    enforced: row?.enforced ?? false,
    reminderDays: row?.reminderDays ?? 7,
    today: row?.today ?? now.toISOString().slice(0, 10),
    overrides: row?.overrides ?? [],
    reopenings: row?.reopenings ?? [],
  };
}

/** The period's window: the admins' dates where set, else the default rule. */
export function effectiveWindow(rules: Pick<WindowRules, 'overrides'>, frequency: Frequency, period: Period): ReportingWindow & { custom: boolean } {
  const o = rules.overrides.find((w) => w.frequency === frequency && w.periodEnd === period.end);
  return o ? { opensOn: o.opensOn, dueOn: o.dueOn, closesOn: o.closesOn, custom: true } : { ...defaultWindow(period), custom: false };
}

/** The latest date a reopening of this period (for the indicator, or for the whole plan) runs to. */
export function reopenedUntil(rules: Pick<WindowRules, 'reopenings'>, indicatorId: number, periodEnd: string): string | null {
  let until: string | null = null;
  for (const r of rules.reopenings) {
    if (r.periodEnd !== periodEnd || (r.indicatorId !== null && r.indicatorId !== indicatorId)) continue;
    if (until === null || r.reopenedUntil > until) until = r.reopenedUntil;
  }
  return until;
}

export interface WindowState {
  window: ReportingWindow & { custom: boolean };
  phase: WindowPhase;
  enforced: boolean;
  /** What is entered or submitted now is late (only when the plan's windows are enforced). */
  late: boolean;
}

export function windowState(rules: WindowRules, indicator: { id: number; frequency: Frequency }, period: Period): WindowState {
  const window = effectiveWindow(rules, indicator.frequency, period);
  const phase = windowPhase(window, rules.today, reopenedUntil(rules, indicator.id, period.end));
  return { window, phase, enforced: rules.enforced, late: rules.enforced && isLate(window, rules.today) };
}

/** The refusal of a write in this window, if any: not open yet, or closed. */
export function windowProblem(state: WindowState): Problem | undefined {
  if (!state.enforced) return undefined;
  if (state.phase === 'not_open') return problem('updates.validation.windowNotOpen', { opens: state.window.opensOn });
  if (state.phase === 'closed') return problem('updates.validation.windowClosed', { closed: state.window.closesOn });
  return undefined;
}

/** One period's window state, for a write on an existing update. */
export async function windowStateFor(
  db: DbOrTx,
  planId: number,
  indicator: { id: number; frequency: Frequency },
  period: Period,
): Promise<WindowState> {
  return windowState(await loadWindowRules(db, planId), indicator, period);
}

/** The plan's override of one period, if any (for the admin's form). */
export async function findWindowOverride(db: DbOrTx, planId: number, frequency: Frequency, periodEnd: string) {
  const [row] = await db
    .select()
    .from(reportingWindows)
    .where(and(eq(reportingWindows.planId, planId), eq(reportingWindows.frequency, frequency), eq(reportingWindows.periodEnd, periodEnd)));
  return row;
}
