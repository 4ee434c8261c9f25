import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { goals, indicators, indicatorTargets, meetings, users, workPlans } from '../../schema';
import { findPlan } from '../plans';
import { planSdgTags } from './sdg-tags';
import { targetHistory } from './targets-in-force';

/** The reads behind /plans: the plan list, one plan with everything in it, and an indicator's definition sheet. */

export async function listPlansWithCounts(db: Db) {
  return db
    .select({
      id: workPlans.id,
      year: workPlans.year,
      title: workPlans.title,
      status: workPlans.status,
      startDate: workPlans.startDate,
      endDate: workPlans.endDate,
      endorsedOn: workPlans.endorsedOn,
      closedOn: workPlans.closedOn,
      goals: sql<number>`(select count(*)::int from goals g where g.plan_id = ${workPlans.id} and g.retired_at is null)`,
      indicators: sql<number>`(select count(*)::int from indicators i where i.plan_id = ${workPlans.id} and i.retired_at is null)`,
    })
    .from(workPlans)
    .orderBy(desc(workPlans.year), desc(workPlans.id));
}
export type PlanListItem = Awaited<ReturnType<typeof listPlansWithCounts>>[number];

/** A plan with all its goals and indicators, retired ones included (marked), and each indicator's milestones. */
export async function planDetail(db: Db, year: number) {
  const plan = await findPlan(db, year);
  if (!plan || plan.year !== year) return undefined;
  const [goalRows, indicatorRows, milestoneRows, meeting, copiedFrom, tags] = await Promise.all([
    db.select().from(goals).where(eq(goals.planId, plan.id)).orderBy(sql`${goals.retiredAt} is not null`, asc(goals.sortOrder), asc(goals.code)),
    db
      .select({
        indicator: indicators,
        ownerName: users.name,
        hasUpdates: sql<boolean>`exists (select 1 from progress_updates u where u.indicator_id = ${indicators.id})`,
      })
      .from(indicators)
      .leftJoin(users, eq(users.id, indicators.ownerId))
      .where(eq(indicators.planId, plan.id))
      .orderBy(sql`${indicators.retiredAt} is not null`, asc(indicators.sortOrder), asc(indicators.code)),
    db
      .select({ indicatorId: indicatorTargets.indicatorId, periodEnd: indicatorTargets.periodEnd, target: indicatorTargets.targetValue })
      .from(indicatorTargets)
      .innerJoin(indicators, eq(indicators.id, indicatorTargets.indicatorId))
      .where(eq(indicators.planId, plan.id))
      .orderBy(asc(indicatorTargets.periodEnd)),
    plan.endorsedAtMeetingId === null
      ? Promise.resolve(undefined)
      : db.select({ title: meetings.title, heldOn: meetings.heldOn }).from(meetings).where(eq(meetings.id, plan.endorsedAtMeetingId)).then((r) => r[0]),
    plan.copiedFromPlanId === null
      ? Promise.resolve(undefined)
      : db.select({ year: workPlans.year }).from(workPlans).where(eq(workPlans.id, plan.copiedFromPlanId)).then((r) => r[0]),
    planSdgTags(db, plan.id),
  ]);
  const milestones = new Map<number, Record<string, number>>();
  for (const m of milestoneRows) milestones.set(m.indicatorId, { ...milestones.get(m.indicatorId), [m.periodEnd]: m.target });
  return {
    plan,
    endorsedAt: meeting ?? null,
    copiedFromYear: copiedFrom?.year ?? null,
    goals: goalRows.map((g) => ({
      ...g,
      sdgTags: tags.goals.get(g.id) ?? [],
      indicators: indicatorRows
        .filter((r) => r.indicator.goalId === g.id)
        .map((r) => ({
          ...r.indicator,
          ownerName: r.ownerName,
          hasUpdates: r.hasUpdates,
          milestones: milestones.get(r.indicator.id) ?? {},
          sdgTags: tags.indicators.get(r.indicator.id) ?? [],
        })),
    })),
  };
}
export type PlanDetail = NonNullable<Awaited<ReturnType<typeof planDetail>>>;
export type PlanDetailIndicator = PlanDetail['goals'][number]['indicators'][number];

/** The indicator definition sheet: the indicator, its goal and owner, its milestones and every target revision. */
export async function indicatorSheet(db: Db, year: number, code: string) {
  const detail = await planDetail(db, year);
  if (!detail) return undefined;
  for (const goal of detail.goals) {
    const indicator = goal.indicators.find((i) => i.code === code);
    if (!indicator) continue;
    const history = await targetHistory(db, indicator.id);
    return { plan: detail.plan, goal, indicator, history: history! };
  }
  return undefined;
}

/** Steering Committee meetings, newest first, for the endorsement form. */
export async function steeringMeetings(db: Db) {
  return db
    .select({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn })
    .from(meetings)
    .where(eq(meetings.kind, 'steering_committee'))
    .orderBy(desc(meetings.heldOn));
}

/** Who can own an indicator: active staff and admins. */
export async function indicatorOwners(db: Db) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.status, 'active'), inArray(users.role, ['admin', 'staff']), ne(users.name, '')))
    .orderBy(asc(users.name));
}
