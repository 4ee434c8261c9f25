import { and, eq, sql } from 'drizzle-orm';
import { isLocale } from '@/lib/i18n/config';
import { composeNotificationEmail } from '@/lib/notifications/compose';
import { isNotificationKind, mayReceive } from '@/lib/notifications/kinds';
import type { Db } from '../../client';
import { emailMessages, notificationPreferences, notifications, users } from '../../schema';

/**
 * The delivery job: mails pending notifications in the recipient's language, or, without SMTP, keeps each message
 * in email_messages (transport 'outbox') where admins read it. Rows are claimed with `for update skip locked`, so
 * two workers never mail one notification twice; a message whose sending fails is retried on later runs and
 * marked failed after MAX_ATTEMPTS.
 */

export const MAX_EMAIL_ATTEMPTS = 5;

export type SendMail = (message: { to: string; subject: string; text: string }) => Promise<void>;

export interface DeliveryOptions {
  /** Sends through SMTP; absent, messages go to the outbox. */
  send?: SendMail;
  baseUrl: string;
  batch?: number;
}

export async function deliverPendingEmails(db: Db, options: DeliveryOptions): Promise<{ sent: number; outbox: number; skipped: number; failed: number }> {
  const tally = { sent: 0, outbox: 0, skipped: 0, failed: 0 };
  await db.transaction(async (tx) => {
    const pending = await tx
      .select({ n: notifications, email: users.email, name: users.name, role: users.role, status: users.status, locale: users.locale, wants: notificationPreferences.email })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, notifications.userId), eq(notificationPreferences.kind, notifications.kind)))
      .where(eq(notifications.emailState, 'pending'))
      .orderBy(notifications.id)
      .limit(options.batch ?? 50)
      .for('update', { of: notifications, skipLocked: true });
    for (const p of pending) {
      const kind = p.n.kind;
      if (!isNotificationKind(kind) || p.wants === false || !mayReceive({ role: p.role, status: p.status }, kind)) {
        await tx.update(notifications).set({ emailState: 'skipped' }).where(eq(notifications.id, p.n.id));
        tally.skipped++;
        continue;
      }
      const locale = isLocale(p.locale) ? p.locale : 'en';
      const mail = composeNotificationEmail({ locale, kind, params: p.n.params, link: p.n.link, baseUrl: options.baseUrl, name: p.name });
      try {
        if (options.send) await options.send({ to: p.email, ...mail });
      } catch (error) {
        const attempts = p.n.emailAttempts + 1;
        await tx
          .update(notifications)
          .set({ emailAttempts: attempts, emailState: attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending' })
          .where(eq(notifications.id, p.n.id));
        if (attempts >= MAX_EMAIL_ATTEMPTS) tally.failed++;
        console.error(JSON.stringify({ level: 'error', source: 'email', notification: p.n.id, message: (error as Error).message }));
        continue;
      }
      const transport = options.send ? 'smtp' : 'outbox';
      await tx
        .insert(emailMessages)
        .values({ notificationId: p.n.id, toAddress: p.email, subject: mail.subject, body: mail.text, locale, transport })
        .onConflictDoNothing({ target: emailMessages.notificationId });
      await tx.update(notifications).set({ emailState: 'sent', emailAttempts: sql`${notifications.emailAttempts} + 1` }).where(eq(notifications.id, p.n.id));
      tally[transport === 'smtp' ? 'sent' : 'outbox']++;
    }
  });
  return tally;
}

/** The e-mails composed, newest first, for the admins' outbox page. */
export async function listEmails(db: Db, limit = 100) {
  return db.select().from(emailMessages).orderBy(sql`${emailMessages.createdAt} desc, ${emailMessages.id} desc`).limit(limit);
}
