import { and, eq } from 'drizzle-orm';
import type { Frequency, IsoDate, Period } from '@/lib/periods';
import { defaultWindow, isLate, windowPhase, type ReportingWindow, type WindowPhase } from '@/lib/reporting-window';
import { appSettings, reportingCycles, reportingWindows, windowReopenings } from '../../schema';
import type { DbOrTx } from '../audit';
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

export async function loadWindowRules(db: DbOrTx, planId: number): Promise<WindowRules> {
  const [[cycle], overrides, reopenings, today] = await Promise.all([
    db.select().from(reportingCycles).where(eq(reportingCycles.planId, planId)),
    db
      .select({
        frequency: reportingWindows.frequency,
        periodEnd: reportingWindows.periodEnd,
        opensOn: reportingWindows.opensOn,
        dueOn: reportingWindows.dueOn,
        closesOn: reportingWindows.closesOn,
      })
      .from(reportingWindows)
      .where(eq(reportingWindows.planId, planId)),
    db
      .select({ indicatorId: windowReopenings.indicatorId, periodEnd: windowReopenings.periodEnd, reopenedUntil: windowReopenings.reopenedUntil })
      .from(windowReopenings)
      .where(eq(windowReopenings.planId, planId)),
    cycleToday(db),
  ]);
  return { enforced: cycle?.enforced ?? false, reminderDays: cycle?.reminderDays ?? 7, today, overrides, reopenings };
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
