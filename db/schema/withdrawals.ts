import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { progressUpdates } from './progress';
import { users } from './users';

/**
 * A request to withdraw an approved update. An approved figure is counted by the dashboards, so it leaves them
 * only when a reviewer other than the one asking agrees: the update stays approved (and counted) until then.
 * At most one request per update is open (undecided) at a time; decided requests are kept as the record.
 */
export const withdrawalRequests = pgTable(
  'progress_withdrawal_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    updateId: bigint('update_id', { mode: 'number' })
      .notNull()
      .references(() => progressUpdates.id),
    requestedBy: uuid('requested_by').references(() => users.id),
    reason: text('reason').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** null while open; 'approved' (the update was withdrawn) or 'refused'. */
    decision: text('decision', { enum: ['approved', 'refused'] }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
  },
  (t) => [
    uniqueIndex('progress_withdrawal_requests_one_open').on(t.updateId).where(sql`${t.decision} is null`),
    index('progress_withdrawal_requests_update_idx').on(t.updateId),
    index('progress_withdrawal_requests_requested_by_idx').on(t.requestedBy),
    index('progress_withdrawal_requests_decided_by_idx').on(t.decidedBy),
    check(
      'progress_withdrawal_requests_decided',
      sql`(${t.decision} is null) = (${t.decidedAt} is null) and (${t.decision} is null or ${t.decidedBy} is not null)`,
    ),
  ],
);
