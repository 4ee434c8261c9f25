import { and, asc, eq, isNull, max } from 'drizzle-orm';
import { targetProblems, type IndicatorInput } from '@/lib/validation/plans-indicators';
import type { Db } from '../../client';
import { goals, indicators, indicatorTargets, users } from '../../schema';
import { audit } from '../audit';
import { auditView, fail, indicatorHasUpdates, lockPlan, refuseIfClosed, type Failure, type Tx } from './common';
import { moveAmong, type MoveResult } from './goals';

/**
 * Indicators: add, edit, reorder, retire. The final target is set here only when adding; afterwards targets
 * change through targets.ts, which keeps revisions once the plan is endorsed.
 */

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorResult = { ok: true; indicator: IndicatorRow; changed: boolean; milestonesCleared?: boolean } | Failure;

/** What existing progress updates mean depends on these: changing them would silently reinterpret every value. */
export const structuralFields = ['accumulation', 'valueKind', 'frequency'] as const;

const editable = [
  'goalId', 'code', 'name', 'nameZh', 'description', 'descriptionZh', 'unit', 'valueKind', 'accumulation', 'direction',
  'baselineValue', 'baselineDate', 'targetDate', 'frequency', 'ownerId', 'source', 'derivedKey', 'disaggregations',
  'definition', 'meansOfVerification', 'collectionMethod', 'targetRationale',
] as const satisfies readonly (keyof IndicatorRow & keyof IndicatorInput)[];

export const indicatorAudit = (i: IndicatorRow) => auditView(i, [...editable, 'targetValue', 'sortOrder', 'retiredAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function checkReferences(tx: Tx, planId: number, input: IndicatorInput): Promise<Failure | null> {
  const [goal] = await tx.select().from(goals).where(and(eq(goals.id, input.goalId), eq(goals.planId, planId)));
  if (!goal || goal.retiredAt) return fail('goal_invalid', 'goalId');
  const [clash] = await tx
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.planId, planId), eq(indicators.code, input.code)));
  if (clash && clash.id !== input.indicatorId) return fail('code_taken', 'code', { code: input.code });
  if (input.ownerId !== null) {
    const [owner] = await tx.select({ status: users.status }).from(users).where(eq(users.id, input.ownerId));
    if (owner?.status !== 'active') return fail('owner_invalid', 'ownerId');
  }
  return null;
}

export async function saveIndicator(db: Db, input: IndicatorInput & { actorId: string | null }): Promise<IndicatorResult> {
  return db.transaction(async (tx): Promise<IndicatorResult> => {
    const plan = await lockPlan(tx, input.planId);
    if (!plan) return fail('not_found');
    const closed = refuseIfClosed(plan);
    if (closed) return closed;
    const refused = await checkReferences(tx, plan.id, input);
    if (refused) return refused;
    if (input.targetDate < plan.startDate || input.targetDate > plan.endDate) {
      return fail('target_date_outside_plan', 'targetDate', { start: plan.startDate, end: plan.endDate });
    }
    const fields = Object.fromEntries(editable.map((k) => [k, input[k]])) as Pick<IndicatorRow, (typeof editable)[number]>;

    if (input.indicatorId === null) {
      const rule = { ...fields, targetValue: input.targetValue ?? 0 };
      if (targetProblems(rule, plan, {}).length > 0) return fail('targets_inconsistent', 'targetValue');
      const [last] = await tx.select({ n: max(indicators.sortOrder) }).from(indicators).where(eq(indicators.goalId, input.goalId));
      const [created] = await tx
        .insert(indicators)
        .values({ ...fields, planId: plan.id, targetValue: rule.targetValue, sortOrder: (last?.n ?? 0) + 1 })
        .returning();
      await audit(tx, 'indicator.create', ['indicator', created!.id], input.actorId, {
        after: indicatorAudit(created!),
      });
      return { ok: true, indicator: created!, changed: true };
    }

    const [before] = await tx
      .select()
      .from(indicators)
      .where(and(eq(indicators.id, input.indicatorId), eq(indicators.planId, plan.id)))
      .for('update');
    if (!before) return fail('not_found');
    if (before.retiredAt) return fail('already_retired');
    const changedFields = editable.filter((k) => !same(before[k], fields[k]));
    if (changedFields.length === 0) return { ok: true, indicator: before, changed: false };
    const structural = structuralFields.filter((k) => changedFields.includes(k));
    if (structural.length > 0 && (await indicatorHasUpdates(tx, before.id))) {
      return fail('structural_change_with_updates', structural[0], { fields: structural.join(', ') });
    }
    const milestones = await tx.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, before.id));
    const frequencyChanged = changedFields.includes('frequency') && milestones.length > 0;
    if (frequencyChanged && plan.status !== 'draft') return fail('milestones_fixed_after_endorsement', 'frequency');
    // The milestones that stay must still agree with the new accumulation, direction, baseline and dates.
    const kept = frequencyChanged ? {} : Object.fromEntries(milestones.map((m) => [m.periodEnd, m.targetValue]));
    if (targetProblems({ ...fields, targetValue: before.targetValue }, plan, kept).length > 0) {
      return fail('targets_inconsistent', 'baselineValue');
    }
    // In a draft, a new frequency means new periods: the old milestones no longer apply.
    if (frequencyChanged) await tx.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, before.id));
    const [updated] = await tx.update(indicators).set(fields).where(eq(indicators.id, before.id)).returning();
    await audit(tx, 'indicator.update', ['indicator', before.id], input.actorId, {
      before: { ...indicatorAudit(before), ...(frequencyChanged ? { milestones: kept } : {}) },
      after: indicatorAudit(updated!),
    });
    return { ok: true, indicator: updated!, changed: true, milestonesCleared: frequencyChanged };
  });
}

export async function moveIndicator(db: Db, input: { id: number; direction: 'up' | 'down'; actorId: string | null }): Promise<MoveResult> {
  return db.transaction(async (tx): Promise<MoveResult> => {
    const [indicator] = await tx.select().from(indicators).where(eq(indicators.id, input.id));
    if (!indicator) return fail('not_found');
    const plan = await lockPlan(tx, indicator.planId);
    const closed = plan && refuseIfClosed(plan);
    if (closed) return closed;
    const siblings = await tx
      .select({ id: indicators.id, sortOrder: indicators.sortOrder })
      .from(indicators)
      .where(and(eq(indicators.goalId, indicator.goalId), isNull(indicators.retiredAt)))
      .orderBy(asc(indicators.sortOrder), asc(indicators.code));
    const moved = await moveAmong(siblings, indicator.id, input.direction, (row, sortOrder) =>
      tx.update(indicators).set({ sortOrder }).where(eq(indicators.id, row.id)),
    );
    if (moved) {
      await audit(tx, 'indicator.move', ['indicator', indicator.id], input.actorId, {
        before: { order: siblings.map((s) => s.id) },
        after: { direction: input.direction },
      });
    }
    return { ok: true, moved };
  });
}

/** Retires an indicator: it leaves the dashboards; its updates, targets and revisions stay on record. */
export async function retireIndicator(db: Db, input: { id: number; actorId: string | null; now?: Date }): Promise<IndicatorResult> {
  return db.transaction(async (tx): Promise<IndicatorResult> => {
    const [indicator] = await tx.select().from(indicators).where(eq(indicators.id, input.id));
    if (!indicator) return fail('not_found');
    const plan = await lockPlan(tx, indicator.planId);
    const closed = plan && refuseIfClosed(plan);
    if (closed) return closed;
    if (indicator.retiredAt) return fail('already_retired');
    const [updated] = await tx
      .update(indicators)
      .set({ retiredAt: input.now ?? new Date() })
      .where(eq(indicators.id, indicator.id))
      .returning();
    await audit(tx, 'indicator.retire', ['indicator', indicator.id], input.actorId, {
      before: indicatorAudit(indicator),
      after: indicatorAudit(updated!),
    });
    return { ok: true, indicator: updated!, changed: true };
  });
}
