import { eq } from 'drizzle-orm';
import type { Db } from '../../client';
import { goals, users } from '../../schema';
import { evidenceOf } from '../evidence';
import { tagsOf } from '../plan-admin/sdg-tags';
import { asOfDateFor, findPlan } from '../plans';
import { indicatorMilestones, periodTarget } from './form-context';
import { countIndicatorUpdates, indicatorUpdates } from './history';
import { listLocks } from './locks';
import { findIndicatorByCode, indicatorPeriods } from './placement';

/** Updates listed per page on an indicator's page. */
export const INDICATOR_UPDATES_PER_PAGE = 25;

/**
 * What an indicator's page shows of the indicator, the same for everyone who may read it: its details, targets by
 * period, one page of its updates with their history and evidence files, and the locks that apply. Who may see a
 * draft's evidence is decided by the caller (data/updates.ts), outside any cache.
 */
export async function indicatorPage(db: Db, code: string, year: number | undefined, updatesPage: number) {
  const plan = await findPlan(db, year);
  const indicator = plan ? await findIndicatorByCode(db, plan.id, code) : undefined;
  if (!plan || !indicator) return undefined;
  const page = Math.max(1, Math.floor(updatesPage));
  const [[goal], [owner], updates, updatesTotal, locks, milestones, asOf, indicatorTags, goalTags] = await Promise.all([
    db.select().from(goals).where(eq(goals.id, indicator.goalId)),
    indicator.ownerId ? db.select({ name: users.name }).from(users).where(eq(users.id, indicator.ownerId)) : Promise.resolve([]),
    indicatorUpdates(db, indicator.id, { limit: INDICATOR_UPDATES_PER_PAGE, offset: (page - 1) * INDICATOR_UPDATES_PER_PAGE }),
    countIndicatorUpdates(db, indicator.id),
    listLocks(db, plan.id, indicator.id),
    indicatorMilestones(db, indicator.id),
    asOfDateFor(db, plan),
    tagsOf(db, 'indicator', [indicator.id]),
    tagsOf(db, 'goal', [indicator.goalId]),
  ]);
  const evidence = await evidenceOf(db, updates.map((u) => u.update.id));
  const sdgTags = { own: indicatorTags.get(indicator.id) ?? [], goal: goalTags.get(indicator.goalId) ?? [] };
  const periods = indicatorPeriods(indicator, plan).map((p) => ({ ...p, target: periodTarget(indicator, milestones, p) }));
  const updatesPaging = { page, pages: Math.max(1, Math.ceil(updatesTotal / INDICATOR_UPDATES_PER_PAGE)), total: updatesTotal };
  return { plan, indicator, goal, ownerName: owner?.name ?? null, updates, evidence, updatesPaging, locks, periods, asOf, sdgTags };
}
