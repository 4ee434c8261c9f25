import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { WindowPhase } from '@/lib/reporting-window';
import type { Db } from '../../client';
import { indicators, progressUpdates, workPlans } from '../../schema';
import { indicatorPeriods } from '../updates/placement';
import { loadWindowRules, windowState } from './windows';

/**
 * What each owner still has to report: every period of their manual indicators with nothing reported yet (withdrawn
 * updates do not count), with its window and where today falls. "My reporting" lists it, and the reminder jobs
 * remind from it, so a reminder never says something the page does not.
 */

export interface DueItem {
  ownerId: string;
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  opensOn: string;
  dueOn: string;
  closesOn: string;
  phase: WindowPhase;
}

export async function outstandingReports(db: Db, input: { planId: number; ownerId?: string }) {
  const [plan] = await db.select().from(workPlans).where(eq(workPlans.id, input.planId));
  const rules = await loadWindowRules(db, input.planId);
  if (!plan) return { today: rules.today, enforced: rules.enforced, reminderDays: rules.reminderDays, items: [] as DueItem[] };
  const owned = await db
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.planId, plan.id),
        input.ownerId ? eq(indicators.ownerId, input.ownerId) : undefined,
        eq(indicators.source, 'manual'),
        isNull(indicators.retiredAt),
      ),
    )
    .orderBy(asc(indicators.sortOrder), asc(indicators.code));
  const withOwner = owned.filter((i) => i.ownerId !== null);
  const reported = withOwner.length
    ? await db
        .selectDistinct({ indicatorId: progressUpdates.indicatorId, periodEnd: progressUpdates.periodEnd })
        .from(progressUpdates)
        .where(and(inArray(progressUpdates.indicatorId, withOwner.map((i) => i.id)), ne(progressUpdates.status, 'withdrawn')))
    : [];
  const has = new Set(reported.map((r) => `${r.indicatorId}:${r.periodEnd}`));
  const items: DueItem[] = [];
  for (const indicator of withOwner) {
    for (const p of indicatorPeriods(indicator, plan)) {
      if (has.has(`${indicator.id}:${p.end}`)) continue;
      const state = windowState(rules, indicator, p);
      items.push({
        ownerId: indicator.ownerId!,
        indicatorId: indicator.id,
        indicatorCode: indicator.code,
        indicatorName: indicator.name,
        periodKey: p.key,
        periodStart: p.start,
        periodEnd: p.end,
        ...state.window,
        phase: state.phase,
      });
    }
  }
  return { today: rules.today, enforced: rules.enforced, reminderDays: rules.reminderDays, items };
}
