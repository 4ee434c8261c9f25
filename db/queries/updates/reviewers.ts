import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { mayBeReviewer } from '@/lib/auth/policy';
import type { Db } from '../../client';
import { goalReviewers, goals, indicators, progressUpdates, progressUpdateVersions, users } from '../../schema';
import { audit, type DbOrTx } from '../audit';

/**
 * Nobody reviews their own figures: the reporter of an update and whoever changed it last (each change records
 * its actor on the version row it keeps) may not approve or return it. The rule lives here, for the change path
 * (reviewUpdate) and for the review queue, which does not offer the buttons to them.
 */
const lastEditor = sql<string | null>`coalesce((
  select ${progressUpdateVersions.changedBy} from ${progressUpdateVersions}
  where ${progressUpdateVersions.updateId} = ${progressUpdates.id}
  order by ${progressUpdateVersions.version} desc limit 1
), ${progressUpdates.reportedBy})`;

const ownedBy = (userId: string) => or(eq(progressUpdates.reportedBy, userId), sql`${lastEditor} = ${userId}::uuid`);

/** Whether `userId` reported or last changed the update, and so may not review it. */
export async function isOwnUpdate(db: DbOrTx, userId: string, updateId: number): Promise<boolean> {
  const rows = await db.select({ id: progressUpdates.id }).from(progressUpdates).where(and(eq(progressUpdates.id, updateId), ownedBy(userId)));
  return rows.length > 0;
}

/** Of the given updates, those `userId` may not review. */
export async function ownUpdateIds(db: DbOrTx, userId: string, updateIds: number[]): Promise<Set<number>> {
  if (updateIds.length === 0) return new Set();
  const rows = await db.select({ id: progressUpdates.id }).from(progressUpdates).where(and(inArray(progressUpdates.id, updateIds), ownedBy(userId)));
  return new Set(rows.map((r) => r.id));
}

/** Whether `userId` is a named reviewer of the goal of the update's indicator. */
export async function reviewsGoalOf(db: DbOrTx, userId: string, updateId: number): Promise<boolean> {
  const rows = await db
    .select({ goalId: goalReviewers.goalId })
    .from(progressUpdates)
    .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
    .innerJoin(goalReviewers, and(eq(goalReviewers.goalId, indicators.goalId), eq(goalReviewers.userId, userId)))
    .where(eq(progressUpdates.id, updateId));
  return rows.length > 0;
}

/** The goals (ids) of a plan `userId` is a named reviewer of. */
export async function reviewedGoalIds(db: DbOrTx, userId: string, planId: number): Promise<number[]> {
  const rows = await db
    .select({ goalId: goalReviewers.goalId })
    .from(goalReviewers)
    .innerJoin(goals, eq(goals.id, goalReviewers.goalId))
    .where(and(eq(goalReviewers.userId, userId), eq(goals.planId, planId)));
  return rows.map((r) => r.goalId);
}

export interface GoalReviewerRow {
  goalId: number;
  userId: string;
  name: string;
  email: string;
  role: string;
}

/** The named reviewers of a plan's goals, by goal then name. */
export function listGoalReviewers(db: DbOrTx, planId: number): Promise<GoalReviewerRow[]> {
  return db
    .select({ goalId: goalReviewers.goalId, userId: users.id, name: users.name, email: users.email, role: users.role })
    .from(goalReviewers)
    .innerJoin(goals, eq(goals.id, goalReviewers.goalId))
    .innerJoin(users, eq(users.id, goalReviewers.userId))
    .where(eq(goals.planId, planId))
    .orderBy(asc(goals.sortOrder), asc(users.name));
}

/** Who may be named a reviewer: active staff and admins (mayBeReviewer). */
export async function reviewerCandidates(db: DbOrTx): Promise<{ id: string; name: string; email: string; role: string }[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.status, 'active'))
    .orderBy(asc(users.name));
  return rows.filter((u) => mayBeReviewer(u.role));
}

export type ReviewerChange = { ok: true; changed: boolean } | { ok: false; error: 'goal_not_found' | 'user_not_eligible' };

/** Names a reviewer of a goal (staff or admin, active), audited; naming them again changes nothing. */
export function addGoalReviewer(db: Db, input: { goalId: number; userId: string; actorId: string | null }): Promise<ReviewerChange> {
  return db.transaction(async (tx): Promise<ReviewerChange> => {
    const [goal] = await tx.select({ id: goals.id }).from(goals).where(and(eq(goals.id, input.goalId), isNull(goals.retiredAt)));
    if (!goal) return { ok: false, error: 'goal_not_found' };
    const [user] = await tx.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, input.userId));
    if (!user || user.status !== 'active' || !mayBeReviewer(user.role)) return { ok: false, error: 'user_not_eligible' };
    const inserted = await tx
      .insert(goalReviewers)
      .values({ goalId: goal.id, userId: input.userId, assignedBy: input.actorId })
      .onConflictDoNothing()
      .returning({ goalId: goalReviewers.goalId });
    if (inserted.length === 0) return { ok: true, changed: false };
    await audit(tx, 'goal.reviewer.add', ['goal', goal.id], input.actorId, { after: { reviewerId: input.userId } });
    return { ok: true, changed: true };
  });
}

/** Removes a goal's reviewer, audited; removing one who is not named changes nothing. */
export function removeGoalReviewer(db: Db, input: { goalId: number; userId: string; actorId: string | null }): Promise<ReviewerChange> {
  return db.transaction(async (tx): Promise<ReviewerChange> => {
    const removed = await tx
      .delete(goalReviewers)
      .where(and(eq(goalReviewers.goalId, input.goalId), eq(goalReviewers.userId, input.userId)))
      .returning({ goalId: goalReviewers.goalId });
    if (removed.length === 0) return { ok: true, changed: false };
    await audit(tx, 'goal.reviewer.remove', ['goal', input.goalId], input.actorId, { before: { reviewerId: input.userId } });
    return { ok: true, changed: true };
  });
}
