import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { locale, userRole, userStatus } from './enums';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id hash; null until the user sets a password from their invitation link. */
    passwordHash: text('password_hash'),
    role: userRole('role').notNull(),
    status: userStatus('status').notNull().default('active'),
    /** Bumped on disable, role change and password reset: sessions carrying an older version are refused. */
    sessionVersion: integer('session_version').notNull().default(1),
    locale: locale('locale'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** TOTP secret, encrypted with a key derived from AUTH_SECRET; set while enrolling, active once enabled. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Emails are unique regardless of case: sign-in looks them up by lower(email).
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_role_idx').on(t.role),
  ],
);

/** Small key/value settings, e.g. the demo database's own as-of date. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});
