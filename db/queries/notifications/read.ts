import { and, count, desc, eq, inArray, isNull, sql, type Placeholder } from 'drizzle-orm';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { isNotificationKind, kindsFor, notificationKinds, type NotificationKind } from '@/lib/notifications/kinds';
import type { Db } from '../../client';
import { notificationPreferences, notifications, users } from '../../schema';
import { writeAudit } from '../audit';
import { prebuilt, type Prebuilt, type Runner } from '../prebuilt';

/** A person's own notifications and e-mail choices. Only kinds their role may receive now are shown. */

export interface Reader {
  id: string;
  role: string;
}

/** A reader's own notifications of the kinds their role may receive now; the reader's id may be a placeholder. */
const visible = (reader: { id: string | Placeholder; role: string }) => {
  const kinds = kindsFor(reader.role);
  return and(eq(notifications.userId, reader.id), kinds.length ? inArray(notifications.kind, kinds) : sql`false`);
};

/**
 * The bell's count, read on every signed-in page: prepared once per role (the kinds a role may receive are part of
 * the statement; prebuilt.ts), the reader a placeholder.
 */
const unreadStatements = new Map<string, Prebuilt<{ n: number }>>();
function unreadStatement(role: string): Prebuilt<{ n: number }> {
  let statement = unreadStatements.get(role);
  if (!statement) {
    statement = prebuilt(`notifications_unread_${unreadStatements.size}`, { n: count() }, (db, fields) =>
      db
        .select(fields)
        .from(notifications)
        .where(and(visible({ id: sql.placeholder('userId'), role }), isNull(notifications.readAt))),
    );
    unreadStatements.set(role, statement);
  }
  return statement;
}

export async function unreadCount(db: Runner, reader: Reader): Promise<number> {
  const [row] = await unreadStatement(reader.role).run(db, { userId: reader.id });
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: Db, reader: Reader, limit = 100) {
  const rows = await db
    .select({ id: notifications.id, kind: notifications.kind, params: notifications.params, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(visible(reader))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.flatMap((r) => (isNotificationKind(r.kind) ? [{ ...r, kind: r.kind }] : []));
}

/** Marks the reader's own notifications read (the given ones, or all): someone else's ids change nothing. */
export async function markRead(db: Db, readerId: string, ids: number[] | 'all', now = new Date()): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, readerId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : [-1])))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function emailChoices(db: Db, userId: string): Promise<{ email: Record<NotificationKind, boolean>; locale: Locale | null }> {
  const [prefs, [user]] = await Promise.all([
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)),
  ]);
  const email = Object.fromEntries(notificationKinds.map((k) => [k, prefs.find((p) => p.kind === k)?.email ?? true])) as Record<NotificationKind, boolean>;
  return { email, locale: user?.locale ?? null };
}

/** A person's e-mail choice per kind and their language (for e-mails and the app), with an audit row. */
export async function saveEmailChoices(db: Db, userId: string, input: { email: Partial<Record<NotificationKind, boolean>>; locale: Locale }) {
  if (!isLocale(input.locale)) throw new RangeError('locale');
  await db.transaction(async (tx) => {
    const rows = notificationKinds.map((kind) => ({ userId, kind, email: input.email[kind] ?? false }));
    await tx
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email: sql`excluded.email` } });
    await tx.update(users).set({ locale: input.locale }).where(eq(users.id, userId));
    await writeAudit(tx, { actorId: userId, action: 'account.notifications', entityType: 'user', entityId: userId, after: { email: Object.fromEntries(rows.map((r) => [r.kind, r.email])), locale: input.locale } });
  });
}
