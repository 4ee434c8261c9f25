import { and, eq, inArray, ne, or, sql, lt, gt, count } from 'drizzle-orm';
import type { CreatePlanInput, EditPlanInput } from '@/lib/validation/plans';
import type { Db } from '../../client';
import { indicators, indicatorTargets, meetings, workPlans } from '../../schema';
import { audit } from '../audit';
import { auditView, fail, isUniqueViolation, lockPlan, type Failure, type WorkPlanRow } from './common';
import { copyPlanContents, type CopySummary } from './copy-forward';

/** Plans: create (empty or copied forward), edit while draft, endorse, close. See common.ts for the conventions. */

const planAudit = (p: WorkPlanRow) =>
  auditView(p, ['year', 'title', 'titleZh', 'status', 'startDate', 'endDate', 'endorsedOn', 'endorsedAtMeetingId', 'closedOn']);

export type CreatePlanResult = { ok: true; plan: WorkPlanRow; copy: CopySummary | null } | Failure;

/**
 * Creates a draft plan for a year, empty or copied from another plan. A year has one plan (draft, endorsed,
 * then closed): plans are addressed by year, and a change during the year is a revision of that plan, not a
 * second one. An advisory lock on the year makes two admins creating the same year at once serialize.
 */
export async function createPlan(db: Db, input: CreatePlanInput & { actorId: string | null }): Promise<CreatePlanResult> {
  return db.transaction(async (tx): Promise<CreatePlanResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('work_plans.year'), ${input.year}::int)`);
    const [existing] = await tx.select({ status: workPlans.status }).from(workPlans).where(eq(workPlans.year, input.year)).limit(1);
    if (existing) return fail('year_taken', 'year', { year: input.year });
    let source: WorkPlanRow | undefined;
    if (input.copyFromPlanId !== null) {
      [source] = await tx.select().from(workPlans).where(eq(workPlans.id, input.copyFromPlanId));
      if (!source || source.year >= input.year) return fail('copy_source_invalid', 'copyFromPlanId');
    }
    const [plan] = await tx
      .insert(workPlans)
      .values({
        year: input.year,
        title: input.title,
        titleZh: input.titleZh,
        startDate: input.startDate,
        endDate: input.endDate,
        copiedFromPlanId: source?.id ?? null,
      })
      .returning();
    const copy = source ? await copyPlanContents(tx, source, plan!) : null;
    await audit(tx, source ? 'plan.copy_forward' : 'plan.create', ['work_plan', plan!.id], input.actorId, {
      after: { ...planAudit(plan!), ...(source ? { copiedFrom: { id: source.id, year: source.year }, ...copy } : {}) },
    });
    return { ok: true, plan: plan!, copy };
  });
}

export type PlanResult = { ok: true; plan: WorkPlanRow; changed: boolean } | Failure;

/** Title and dates, while the plan is a draft; the dates must still hold every indicator's target date and milestones. */
export async function updatePlan(db: Db, input: EditPlanInput & { actorId: string | null }): Promise<PlanResult> {
  return db.transaction(async (tx): Promise<PlanResult> => {
    const plan = await lockPlan(tx, input.planId);
    if (!plan) return fail('not_found');
    if (plan.status !== 'draft') return fail('plan_not_draft');
    const [outside] = await tx
      .select({ n: count() })
      .from(indicators)
      .leftJoin(indicatorTargets, eq(indicatorTargets.indicatorId, indicators.id))
      .where(
        and(
          eq(indicators.planId, plan.id),
          or(
            lt(indicators.targetDate, input.startDate),
            gt(indicators.targetDate, input.endDate),
            lt(indicatorTargets.periodStart, input.startDate),
            gt(indicatorTargets.periodEnd, input.endDate),
          ),
        ),
      );
    if ((outside?.n ?? 0) > 0) return fail('dates_conflict', 'endDate');
    const next = { title: input.title, titleZh: input.titleZh, startDate: input.startDate, endDate: input.endDate };
    const changed = Object.entries(next).some(([k, v]) => plan[k as keyof typeof next] !== v);
    if (!changed) return { ok: true, plan, changed: false };
    const [updated] = await tx.update(workPlans).set(next).where(eq(workPlans.id, plan.id)).returning();
    await audit(tx, 'plan.update', ['work_plan', plan.id], input.actorId, {
      before: planAudit(plan),
      after: planAudit(updated!),
    });
    return { ok: true, plan: updated!, changed: true };
  });
}

/**
 * Endorses a draft. Only one endorsed plan per year: refused when another plan of the year is endorsed or
 * closed. Two endorsements racing for one year both pass the check, and the partial unique index
 * `work_plans_one_endorsed_per_year` makes the second fail at the database; that is reported the same way.
 */
export async function endorsePlan(
  db: Db,
  input: { planId: number; endorsedOn: string; meetingId: number | null; actorId: string | null },
): Promise<PlanResult> {
  try {
    return await db.transaction(async (tx): Promise<PlanResult> => {
      const plan = await lockPlan(tx, input.planId);
      if (!plan) return fail('not_found');
      if (plan.status !== 'draft') return fail('plan_not_draft');
      const [other] = await tx
        .select({ id: workPlans.id })
        .from(workPlans)
        .where(and(eq(workPlans.year, plan.year), ne(workPlans.id, plan.id), inArray(workPlans.status, ['endorsed', 'closed'])));
      if (other) return fail('year_already_endorsed', undefined, { year: plan.year });
      const [indicatorCount] = await tx.select({ n: count() }).from(indicators).where(eq(indicators.planId, plan.id));
      if ((indicatorCount?.n ?? 0) === 0) return fail('plan_empty');
      if (input.meetingId !== null) {
        const [meeting] = await tx.select({ kind: meetings.kind }).from(meetings).where(eq(meetings.id, input.meetingId));
        if (meeting?.kind !== 'steering_committee') return fail('meeting_invalid', 'meetingId');
      }
      const [updated] = await tx
        .update(workPlans)
        .set({ status: 'endorsed', endorsedOn: input.endorsedOn, endorsedAtMeetingId: input.meetingId })
        .where(eq(workPlans.id, plan.id))
        .returning();
      await audit(tx, 'plan.endorse', ['work_plan', plan.id], input.actorId, {
        before: planAudit(plan),
        after: planAudit(updated!),
      });
      return { ok: true, plan: updated!, changed: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'work_plans_one_endorsed_per_year')) throw error;
    const [plan] = await db.select({ year: workPlans.year }).from(workPlans).where(eq(workPlans.id, input.planId));
    return fail('year_already_endorsed', undefined, { year: plan?.year ?? '' });
  }
}

/** Closes an endorsed plan at the end of its year: from then on it is a record, and nothing in it changes. */
export async function closePlan(db: Db, input: { planId: number; closedOn: string; actorId: string | null }): Promise<PlanResult> {
  return db.transaction(async (tx): Promise<PlanResult> => {
    const plan = await lockPlan(tx, input.planId);
    if (!plan) return fail('not_found');
    if (plan.status !== 'endorsed') return fail('plan_not_endorsed');
    if (input.closedOn < plan.endDate) return fail('close_before_end', 'closedOn', { date: plan.endDate });
    const [updated] = await tx
      .update(workPlans)
      .set({ status: 'closed', closedOn: input.closedOn })
      .where(eq(workPlans.id, plan.id))
      .returning();
    await audit(tx, 'plan.close', ['work_plan', plan.id], input.actorId, {
      before: planAudit(plan),
      after: planAudit(updated!),
    });
    return { ok: true, plan: updated!, changed: true };
  });
}
