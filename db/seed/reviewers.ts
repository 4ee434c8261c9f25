import type { Db } from '../client';
import { goalReviewers } from '../schema';
import { ADMIN, BEIJING, NEW_YORK, STAFF, userId, type UserIds } from './users';

/**
 * Each goal of the demo has named reviewers besides the admins. The staff account reviews G3, where the Beijing
 * office's submitted contributions wait (to approve several at once) beside one the staff account entered itself
 * (shown to it without the buttons); the Beijing officer reviews G3 too, for the update they did not report.
 */
export const DEMO_GOAL_REVIEWERS: Readonly<Record<string, readonly string[]>> = {
  G1: [NEW_YORK],
  G2: [BEIJING],
  G3: [STAFF, BEIJING],
  G4: [NEW_YORK],
  G5: [BEIJING],
};

export async function insertGoalReviewers(db: Pick<Db, 'insert'>, goalIds: ReadonlyMap<string, number>, users: UserIds): Promise<void> {
  const assignedBy = userId(users, ADMIN);
  const rows = Object.entries(DEMO_GOAL_REVIEWERS).flatMap(([code, emails]) => {
    const goalId = goalIds.get(code);
    if (goalId === undefined) return [];
    return emails.flatMap((email) => {
      const id = userId(users, email);
      return id ? [{ goalId, userId: id, assignedBy, assignedAt: new Date('2020-01-15T09:00:00Z') }] : [];
    });
  });
  if (rows.length > 0) await db.insert(goalReviewers).values(rows).onConflictDoNothing();
}
