import 'server-only';
import { getDb } from '@/db';
import { listEmails } from '@/db/queries/notifications/deliver';
import { jobSummary, recentFailures } from '@/db/queries/notifications/job-runs';
import { emailChoices, listNotifications, unreadCount } from '@/db/queries/notifications/read';
import { requireUser } from '@/data/auth/session';
// Not '@/lib/email': the header's bell is on every page, and the mailer (nodemailer, both catalogs) is not.
import { emailConfigured } from '@/lib/email-config';

/** The reads of notifications and jobs, behind the policy: one's own notifications, and the admins' jobs page. */

export async function loadUnreadCount(): Promise<number> {
  const user = await requireUser('account.manage');
  return unreadCount(await getDb(), user);
}

export async function loadNotifications() {
  const user = await requireUser('account.manage');
  const db = await getDb();
  const [items, choices] = await Promise.all([listNotifications(db, user), emailChoices(db, user.id)]);
  return { items, choices, role: user.role };
}

export async function loadJobsPage() {
  await requireUser('settings.manage');
  const db = await getDb();
  const [jobs, failures, emails] = await Promise.all([jobSummary(db), recentFailures(db), listEmails(db)]);
  const runner = process.env.JOBS === 'off' ? 'worker' : process.env.DATABASE_URL ? 'pg-boss' : 'in-process';
  return { jobs, failures, emails, runner, smtp: emailConfigured() };
}

