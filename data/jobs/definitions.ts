import type { Db } from '@/db/client';
import { deliverPendingEmails } from '@/db/queries/notifications/deliver';
import { pruneRuns } from '@/db/queries/notifications/job-runs';
import { sendItemDueReminders, sendOverdueDigest, sendReportingReminders } from '@/db/queries/notifications/reminders';
import { notificationMailer } from '@/lib/email';

/**
 * The background jobs: each an idempotent function of the database (safe to run twice, or on two workers at once),
 * run on pg-boss with PostgreSQL and on a timer in the process with the embedded store. `cron` is pg-boss's
 * schedule; `everyMs` the timer's.
 */
export interface JobDefinition {
  name: string;
  cron: string;
  everyMs: number;
  run: (db: Db) => Promise<object>;
}

export const DELIVERY_JOB = 'deliver-notifications';

const baseUrl = () => process.env.AUTH_URL ?? process.env.APP_URL ?? 'http://localhost:3000';

export const jobDefinitions: JobDefinition[] = [
  { name: 'reporting-reminders', cron: '5 * * * *', everyMs: 60 * 60_000, run: sendReportingReminders },
  { name: 'item-due-reminders', cron: '10 * * * *', everyMs: 60 * 60_000, run: (db) => sendItemDueReminders(db) },
  // Weekly on pg-boss; the digest's key is its week, so the hourly timer also sends it once a week.
  { name: 'overdue-digest', cron: '0 8 * * 1', everyMs: 60 * 60_000, run: sendOverdueDigest },
  { name: DELIVERY_JOB, cron: '* * * * *', everyMs: 60_000, run: (db) => deliverPendingEmails(db, { send: notificationMailer(), baseUrl: baseUrl() }) },
  { name: 'prune-job-runs', cron: '30 3 * * *', everyMs: 24 * 60 * 60_000, run: async (db) => ({ pruned: await pruneRuns(db) }) },
];

/** Retries: pg-boss's exponential backoff from 30 s, at most five times; the timer doubles its wait the same way. */
export const RETRY = { limit: 5, delaySeconds: 30 } as const;
