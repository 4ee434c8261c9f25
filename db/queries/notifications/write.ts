import { inArray } from 'drizzle-orm';
import { mayReceive, type NotificationKind } from '@/lib/notifications/kinds';
import { notifications, users } from '../../schema';
import type { DbOrTx } from '../audit';

/**
 * Writing notifications: in the transaction of the change that causes them (an update returned or approved, an
 * item assigned, a comment mentioning someone) or by a reminder job. Each is the outbox row of its e-mail too; the
 * delivery job mails it. Nobody is notified of what they may not read (lib/notifications/kinds), and a reminder's
 * dedupe key makes it once per person, period and kind, however many workers run at once.
 */

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string | null;
  /** Reminders: one row per key ever (a unique index, so two workers cannot both write it). */
  dedupeKey?: string;
}

/** The notifications the recipients may receive, written; returns how many rows were new. */
export async function notify(tx: DbOrTx, list: NewNotification[]): Promise<number> {
  if (list.length === 0) return 0;
  const ids = [...new Set(list.map((n) => n.userId))];
  const recipients = await tx.select({ id: users.id, role: users.role, status: users.status }).from(users).where(inArray(users.id, ids));
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const allowed = list.filter((n) => {
    const r = byId.get(n.userId);
    return r !== undefined && mayReceive(r, n.kind);
  });
  if (allowed.length === 0) return 0;
  const written = await tx
    .insert(notifications)
    .values(allowed.map((n) => ({ userId: n.userId, kind: n.kind, params: n.params, link: n.link, dedupeKey: n.dedupeKey ?? null })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return written.length;
}
