import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { periodKey, periodsBetween, type Frequency, type Period } from '@/lib/periods';
import { windowErrors, windowPhase, type ReportingWindow, type WindowPhase } from '@/lib/reporting-window';
import type { Db } from '../../client';
import { applyingRows } from '../indicator-scope';
import { columnsOf } from '../columns';
import { indicators, reportingCycles, reportingWindows, windowReopenings, workPlans } from '../../schema';
import { writeAudit } from '../audit';
import { effectiveWindow, loadWindowRules, reopenedUntil } from './windows';

/**
 * The admins' side of submission windows: turn the plan's windows on or off, set other dates for a period, and
 * reopen a closed period for one indicator or all, with a reason. Each change and its audit row in one transaction.
 */

export type AdminResult = { ok: true } | { ok: false; errors: Record<string, string> };

export async function setCycle(db: Db, input: { planId: number; enforced: boolean; reminderDays: number; actorId: string | null }): Promise<AdminResult> {
  if (!Number.isInteger(input.reminderDays) || input.reminderDays < 1 || input.reminderDays > 60) {
    return { ok: false, errors: { reminderDays: 'reminderDaysRange' } };
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(reportingCycles).where(eq(reportingCycles.planId, input.planId));
    const values = { planId: input.planId, enforced: input.enforced, reminderDays: input.reminderDays, updatedBy: input.actorId };
    await tx.insert(reportingCycles).values(values).onConflictDoUpdate({ target: reportingCycles.planId, set: values });
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'cycle.set',
      entityType: 'reporting_cycle',
      entityId: input.planId,
      before: before ? { enforced: before.enforced, reminderDays: before.reminderDays } : null,
      after: { enforced: input.enforced, reminderDays: input.reminderDays },
    });
    return { ok: true as const };
  });
}

export async function setWindow(
  db: Db,
  input: { planId: number; frequency: Frequency; period: Period; window: Partial<ReportingWindow>; actorId: string | null },
): Promise<AdminResult> {
  const errors = windowErrors(input.window);
  if (Object.keys(errors).length > 0) return { ok: false, errors: errors as Record<string, string> };
  const w = input.window as ReportingWindow;
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(workPlans).where(eq(workPlans.id, input.planId));
    const real = plan && periodsBetween(input.frequency, plan.startDate, plan.endDate).some((p) => p.start === input.period.start && p.end === input.period.end);
    if (!real) return { ok: false as const, errors: { period: 'periodUnknown' } };
    const values = {
      planId: input.planId,
      frequency: input.frequency,
      periodStart: input.period.start,
      periodEnd: input.period.end,
      ...w,
      updatedBy: input.actorId,
    };
    const [row] = await tx
      .insert(reportingWindows)
      .values(values)
      .onConflictDoUpdate({ target: [reportingWindows.planId, reportingWindows.frequency, reportingWindows.periodEnd], set: values })
      .returning();
    await writeAudit(tx, { actorId: input.actorId, action: 'window.set', entityType: 'reporting_window', entityId: row!.id, after: values });
    return { ok: true as const };
  });
}

export async function reopenPeriod(
  db: Db,
  input: { planId: number; indicatorId: number | null; periodEnd: string; until: string; reason: string; actorId: string | null },
): Promise<AdminResult> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, errors: { reason: 'reasonRequired' } };
  return db.transaction(async (tx): Promise<AdminResult> => {
    if (input.indicatorId !== null) {
      const [ind] = await tx
        .select({ id: indicators.id })
        .from(indicators)
        .where(and(eq(indicators.id, input.indicatorId), eq(indicators.planId, input.planId)));
      if (!ind) return { ok: false as const, errors: { indicatorId: 'indicatorUnknown' } };
    }
    const today = (await loadWindowRules(tx, input.planId)).today;
    if (input.until < today) return { ok: false as const, errors: { until: 'untilPast' } };
    const [row] = await tx
      .insert(windowReopenings)
      .values({ planId: input.planId, indicatorId: input.indicatorId, periodEnd: input.periodEnd, reopenedUntil: input.until, reason, reopenedBy: input.actorId })
      .returning();
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'window.reopen',
      entityType: 'window_reopening',
      entityId: row!.id,
      after: { planId: input.planId, indicatorId: input.indicatorId, periodEnd: input.periodEnd, until: input.until, reason },
    });
    return { ok: true as const };
  });
}

export interface PeriodWindow extends ReportingWindow {
  key: string;
  start: string;
  end: string;
  frequency: Frequency;
  custom: boolean;
  phase: WindowPhase;
  reopenedUntil: string | null;
}

/** Each period's window of the given frequencies within the plan, with its phase today (for one indicator, if given). */
export async function planWindows(
  db: Db,
  plan: { id: number; startDate: string; endDate: string },
  frequencies: Frequency[],
  indicatorId?: number,
): Promise<{ enforced: boolean; reminderDays: number; today: string; periods: PeriodWindow[] }> {
  const rules = await loadWindowRules(db, plan.id);
  const periods = frequencies.flatMap((frequency) =>
    periodsBetween(frequency, plan.startDate, plan.endDate).map((p) => {
      const w = effectiveWindow(rules, frequency, p);
      const until = indicatorId === undefined ? wholePlanReopening(rules.reopenings, p.end) : reopenedUntil(rules, indicatorId, p.end);
      return { ...w, ...p, key: periodKey(p, frequency), frequency, phase: windowPhase(w, rules.today, until), reopenedUntil: until };
    }),
  );
  return { enforced: rules.enforced, reminderDays: rules.reminderDays, today: rules.today, periods };
}

function wholePlanReopening(reopenings: { indicatorId: number | null; periodEnd: string; reopenedUntil: string }[], periodEnd: string) {
  const r = reopenings.filter((x) => x.indicatorId === null && x.periodEnd === periodEnd).map((x) => x.reopenedUntil);
  return r.length ? r.sort().at(-1)! : null;
}

/** The frequencies a plan's manual indicators report at, for its windows table. */
export async function planFrequencies(db: Db, planId: number): Promise<Frequency[]> {
  const rows = await db
    .selectDistinct({ frequency: indicators.frequency })
    .from(indicators)
    .where(and(eq(indicators.planId, planId), eq(indicators.source, 'manual'), isNull(indicators.retiredAt)));
  const order: Frequency[] = ['monthly', 'quarterly', 'semiannual', 'annual'];
  return order.filter((f) => rows.some((r) => r.frequency === f));
}

/** The plan's reopenings, newest first, with who reopened and the indicator's code. */
export async function listReopenings(db: Db, planId: number, indicatorId?: number) {
  const columns = columnsOf(windowReopenings, 'id', 'periodEnd', 'reopenedUntil', 'reason', 'createdAt');
  const rows = await applyingRows(db, windowReopenings, columns, windowReopenings.reopenedBy, planId, indicatorId).orderBy(desc(windowReopenings.createdAt), asc(windowReopenings.id));
  return rows.map(({ byName, ...r }) => ({ ...r, reopenedByName: byName }));
}
