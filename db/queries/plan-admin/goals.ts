import { and, asc, eq, isNull, max } from 'drizzle-orm';
import type { GoalInput } from '@/lib/validation/plans';
import type { Db } from '../../client';
import { goals, indicators } from '../../schema';
import { audit, writeAudit } from '../audit';
import { auditView, fail, lockPlan, refuseIfClosed, type Failure, type Tx } from './common';

/** Goals: add, edit, reorder, retire. Codes are unique within a plan, retired ones included (history keeps them). */

export type GoalRow = typeof goals.$inferSelect;
export type GoalResult = { ok: true; goal: GoalRow; changed: boolean } | Failure;

const goalAudit = (g: GoalRow) => auditView(g, ['code', 'title', 'titleZh', 'description', 'descriptionZh', 'sortOrder', 'retiredAt']);

async function codeTaken(tx: Tx, planId: number, code: string, exceptId: number | null) {
  const [row] = await tx.select({ id: goals.id }).from(goals).where(and(eq(goals.planId, planId), eq(goals.code, code)));
  return row !== undefined && row.id !== exceptId;
}

export async function saveGoal(db: Db, input: GoalInput & { actorId: string | null }): Promise<GoalResult> {
  return db.transaction(async (tx): Promise<GoalResult> => {
    const plan = await lockPlan(tx, input.planId);
    if (!plan) return fail('not_found');
    const closed = refuseIfClosed(plan);
    if (closed) return closed;
    if (await codeTaken(tx, plan.id, input.code, input.goalId)) return fail('code_taken', 'code', { code: input.code });
    const fields = {
      code: input.code,
      title: input.title,
      titleZh: input.titleZh,
      description: input.description,
      descriptionZh: input.descriptionZh,
    };
    if (input.goalId === null) {
      const [last] = await tx.select({ n: max(goals.sortOrder) }).from(goals).where(eq(goals.planId, plan.id));
      const [goal] = await tx
        .insert(goals)
        .values({ ...fields, planId: plan.id, sortOrder: (last?.n ?? 0) + 1 })
        .returning();
      await writeAudit(tx, { actorId: input.actorId, action: 'goal.create', entityType: 'goal', entityId: goal!.id, after: goalAudit(goal!) });
      return { ok: true, goal: goal!, changed: true };
    }
    const [before] = await tx.select().from(goals).where(and(eq(goals.id, input.goalId), eq(goals.planId, plan.id)));
    if (!before) return fail('not_found');
    if (before.retiredAt) return fail('already_retired');
    const changed = Object.entries(fields).some(([k, v]) => before[k as keyof typeof fields] !== v);
    if (!changed) return { ok: true, goal: before, changed: false };
    const [goal] = await tx.update(goals).set(fields).where(eq(goals.id, before.id)).returning();
    await audit(tx, 'goal.update', ['goal', before.id], input.actorId, {
      before: goalAudit(before),
      after: goalAudit(goal!),
    });
    return { ok: true, goal: goal!, changed: true };
  });
}

export type MoveResult = { ok: true; moved: boolean } | Failure;

/**
 * Moves a row one place up or down among its active siblings and renumbers them 1..n, so that equal or
 * sparse sort orders (seeds, imports) never make a move a no-op.
 */
export async function moveAmong<T extends { id: number; sortOrder: number }>(
  siblings: T[],
  id: number,
  direction: 'up' | 'down',
  write: (row: T, sortOrder: number) => Promise<unknown>,
): Promise<boolean> {
  const index = siblings.findIndex((s) => s.id === id);
  const swapWith = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || swapWith < 0 || swapWith >= siblings.length) return false;
  const order = [...siblings];
  [order[index], order[swapWith]] = [order[swapWith]!, order[index]!];
  for (const [position, row] of order.entries()) if (row.sortOrder !== position + 1) await write(row, position + 1);
  return true;
}

export async function moveGoal(db: Db, input: { id: number; direction: 'up' | 'down'; actorId: string | null }): Promise<MoveResult> {
  return db.transaction(async (tx): Promise<MoveResult> => {
    const [goal] = await tx.select().from(goals).where(eq(goals.id, input.id));
    if (!goal) return fail('not_found');
    const plan = await lockPlan(tx, goal.planId);
    const closed = plan && refuseIfClosed(plan);
    if (closed) return closed;
    const siblings = await tx
      .select({ id: goals.id, sortOrder: goals.sortOrder })
      .from(goals)
      .where(and(eq(goals.planId, goal.planId), isNull(goals.retiredAt)))
      .orderBy(asc(goals.sortOrder), asc(goals.code));
    const moved = await moveAmong(siblings, goal.id, input.direction, (row, sortOrder) =>
      tx.update(goals).set({ sortOrder }).where(eq(goals.id, row.id)),
    );
    if (moved) {
      await audit(tx, 'goal.move', ['goal', goal.id], input.actorId, {
        before: { order: siblings.map((s) => s.id) },
        after: { direction: input.direction },
      });
    }
    return { ok: true, moved };
  });
}

/**
 * Retires a goal and its active indicators: they leave the dashboards and the next copy-forward, while their
 * updates, targets and revisions stay on record. Codes stay taken, so a replacement gets a new code.
 */
export async function retireGoal(db: Db, input: { id: number; actorId: string | null; now?: Date }): Promise<GoalResult> {
  return db.transaction(async (tx): Promise<GoalResult> => {
    const [goal] = await tx.select().from(goals).where(eq(goals.id, input.id));
    if (!goal) return fail('not_found');
    const plan = await lockPlan(tx, goal.planId);
    const closed = plan && refuseIfClosed(plan);
    if (closed) return closed;
    if (goal.retiredAt) return fail('already_retired');
    const retiredAt = input.now ?? new Date();
    const [updated] = await tx.update(goals).set({ retiredAt }).where(eq(goals.id, goal.id)).returning();
    const retiredIndicators = await tx
      .update(indicators)
      .set({ retiredAt })
      .where(and(eq(indicators.goalId, goal.id), isNull(indicators.retiredAt)))
      .returning({ code: indicators.code });
    await audit(tx, 'goal.retire', ['goal', goal.id], input.actorId, {
      before: goalAudit(goal),
      after: { ...goalAudit(updated!), retiredIndicators: retiredIndicators.map((r) => r.code) },
    });
    return { ok: true, goal: updated!, changed: true };
  });
}
