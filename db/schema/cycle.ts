import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { frequency } from './enums';
import { indicators, workPlans } from './plans';
import { users } from './users';

/**
 * The reporting cycle of a plan: whether its submission windows are enforced, and how many days before a due date
 * owners are reminded. Off until an admin turns it on, so that a plan entered after the fact (back-filled history)
 * is not locked by windows that closed years ago.
 */
export const reportingCycles = pgTable('reporting_cycles', {
  planId: integer('plan_id')
    .primaryKey()
    .references(() => workPlans.id),
  enforced: boolean('enforced').notNull().default(false),
  reminderDays: integer('reminder_days').notNull().default(7),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/** An admin's dates for one period of a plan and frequency; periods without a row use the default rule (lib/reporting-window). */
export const reportingWindows = pgTable(
  'reporting_windows',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id),
    frequency: frequency('frequency').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    opensOn: date('opens_on').notNull(),
    dueOn: date('due_on').notNull(),
    closesOn: date('closes_on').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('reporting_windows_key').on(t.planId, t.frequency, t.periodEnd),
    check('reporting_windows_ordered', sql`${t.opensOn} <= ${t.dueOn} and ${t.dueOn} <= ${t.closesOn}`),
  ],
);

/** A closed period opened again, for one indicator or (indicatorId null) every indicator of the plan, until a date. */
export const windowReopenings = pgTable(
  'window_reopenings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id),
    indicatorId: integer('indicator_id').references(() => indicators.id),
    periodEnd: date('period_end').notNull(),
    reopenedUntil: date('reopened_until').notNull(),
    reason: text('reason').notNull(),
    reopenedBy: uuid('reopened_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('window_reopenings_plan_idx').on(t.planId, t.periodEnd), index('window_reopenings_indicator_idx').on(t.indicatorId)],
);

/**
 * In-app notifications, and the outbox of their e-mails: a row is written in the transaction of the change that
 * causes it (or by a reminder job), and the delivery job mails it. `dedupeKey` makes a reminder once per person,
 * period and kind, however many workers run the job at once.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key'),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** pending → sent | skipped (e-mail off for this kind, or no longer allowed) | failed (after retries). */
    emailState: text('email_state', { enum: ['pending', 'sent', 'skipped', 'failed'] }).notNull().default('pending'),
    emailAttempts: integer('email_attempts').notNull().default(0),
  },
  (t) => [
    unique('notifications_dedupe_key').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.readAt),
    index('notifications_email_pending_idx').on(t.emailState).where(sql`${t.emailState} = 'pending'`),
  ],
);

/** Whether a person wants e-mail for a kind of notification; no row means yes. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    email: boolean('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Every e-mail composed: sent through SMTP when configured, else kept here (transport 'outbox') for admins to read. */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: bigint('notification_id', { mode: 'number' }).references(() => notifications.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    locale: text('locale').notNull(),
    transport: text('transport', { enum: ['smtp', 'outbox'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('email_messages_notification_key').on(t.notificationId), index('email_messages_created_idx').on(t.createdAt)],
);

/** One row per run of a background job, for the admins' jobs page: when, how it ended, what it did. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    runner: text('runner').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ok: boolean('ok'),
    attempt: integer('attempt').notNull().default(1),
    result: jsonb('result'),
    error: text('error'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.startedAt)],
);
