import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './common';
import { workPlans } from './plans';
import { users } from './users';

/** What a share link shows: the committee report, or one goal's charts. */
export const shareLinkKind = pgEnum('share_link_kind', ['report', 'goal']);

/**
 * Read-only links for people without an account (donors): one page of one plan as of one date. Only a SHA-256 of
 * the link's secret is stored (256 random bits: a fast hash cannot be brute-forced, and it lets each view find
 * its link by an indexed lookup); `prefix` tells links apart in the admins' list. Every view checks the row, so
 * revoking or expiry takes effect on the next request.
 */
export const shareLinks = pgTable(
  'share_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    label: text('label').notNull(),
    kind: shareLinkKind('kind').notNull(),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id),
    /** For a goal's charts: the goal's code within the plan. */
    goalCode: text('goal_code'),
    asOf: date('as_of').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    viewCount: integer('view_count').notNull().default(0),
    lastViewedAt: timestamp('last_viewed_at', { withTimezone: true }),
  },
  (t) => [
    index('share_links_plan_idx').on(t.planId),
    index('share_links_created_by_idx').on(t.createdBy),
    index('share_links_revoked_by_idx').on(t.revokedBy),
    check('share_links_goal_has_code', sql`(${t.kind} = 'goal') = (${t.goalCode} is not null)`),
  ],
);
