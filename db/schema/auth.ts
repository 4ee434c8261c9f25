import { bigint, boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './common';
import { users } from './users';

export const passwordTokenPurpose = pgEnum('password_token_purpose', ['invite', 'reset']);

/** Every sign-in attempt, for the per-address limit and the security log. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text('email'),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_ip_idx').on(t.ip, t.at),
    index('sign_in_attempts_email_idx').on(t.email, t.at),
    // Rows older than the retention are pruned in small batches; this finds them without a scan.
    index('sign_in_attempts_at_idx').on(t.at),
  ],
);

/**
 * Per-account-and-address throttle: failures of one account from one client address within the current
 * 15-minute window and, after five, the time until which further attempts from that address are refused (1, 2,
 * 4 … at most 15 minutes). Keyed on both so that someone guessing from one address locks only themselves out:
 * the owner signing in from elsewhere is not held back. Kept in the database so that it holds across restarts
 * and instances; an admin can clear it.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    email: text('email').notNull(),
    ip: text('ip').notNull().default(''),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'sign_in_throttles_pkey', columns: [t.email, t.ip] })],
);

/** One-time set-password links (invitations and resets). Only a hash of the token is stored. */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    purpose: passwordTokenPurpose('purpose').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('password_tokens_user_idx').on(t.userId), index('password_tokens_created_by_idx').on(t.createdBy)],
);

/** Two-factor sign-in: hashed one-time recovery codes (the TOTP secret itself is on users, encrypted). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);
