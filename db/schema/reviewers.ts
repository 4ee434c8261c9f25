import { index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { goals } from './plans';
import { users } from './users';

/**
 * The people an admin named to review a goal's progress updates (staff or admins). A named reviewer approves and
 * returns the goal's submitted updates; admins review every goal. Nobody reviews their own figures (lib/auth/policy).
 */
export const goalReviewers = pgTable(
  'goal_reviewers',
  {
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.userId] }), index('goal_reviewers_user_idx').on(t.userId)],
);
