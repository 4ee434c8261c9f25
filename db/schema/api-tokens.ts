import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './common';
import { userRole } from './enums';
import { users } from './users';

/** What a personal access token may do: `read` the API, or also `write` (create progress updates). */
export const apiTokenScope = pgEnum('api_token_scope', ['read', 'write']);

/**
 * Personal access tokens for /api/v1. Only a SHA-256 of the token is stored (it is 256 random bits, so a fast
 * hash is safe and lets the token be found by an indexed lookup); `prefix` is its first characters, shown in
 * lists so an owner can tell tokens apart. `role` is the owner's role when it was made: a token stops working
 * once the owner's role is no longer that (a demotion never leaves a token with its old rights).
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    scope: apiTokenScope('scope').notNull(),
    role: userRole('role').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId), index('api_tokens_revoked_by_idx').on(t.revokedBy)],
);
