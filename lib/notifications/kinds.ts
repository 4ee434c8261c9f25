import { can, type Action } from '../auth/policy';

/**
 * The kinds of notification, and what a recipient must be allowed to read to receive one. A notification carries
 * what its kind needs (an indicator code, a period, a reviewer's reason): whoever may not read that data does not
 * get it — checked when it is written, when it is listed (a role may have changed since) and before it is mailed.
 */
export const notificationKinds = [
  'window_opening',
  'due_soon',
  'overdue',
  'overdue_digest',
  'update_returned',
  'update_approved',
  'item_assigned',
  'item_due',
  'mention',
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

const readsWith: Record<NotificationKind, Action> = {
  // Reporting reminders and decisions on updates concern drafts and submitted figures: those who log progress.
  window_opening: 'progress.log',
  due_soon: 'progress.log',
  overdue: 'progress.log',
  update_returned: 'progress.log',
  update_approved: 'progress.log',
  // Everyone's overdue reports, by owner: the reviewers'.
  overdue_digest: 'progress.review',
  // Meeting items and comments are read by every role.
  item_assigned: 'dashboard.read',
  item_due: 'dashboard.read',
  mention: 'dashboard.read',
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (notificationKinds as readonly string[]).includes(value);
}

/** Whether a person (by role and account status) may receive a notification of this kind. */
export function mayReceive(recipient: { role: unknown; status?: string }, kind: NotificationKind): boolean {
  if (recipient.status !== undefined && recipient.status !== 'active') return false;
  return can(recipient.role, readsWith[kind]);
}

/** The kinds a role may receive: what its notification list shows. */
export function kindsFor(role: unknown): NotificationKind[] {
  return notificationKinds.filter((k) => mayReceive({ role }, k));
}

/** Mentions in a comment: @ followed by the part of a person's e-mail address before the @ (e.g. @staff). */
export function mentionedHandles(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[^\w@.])@([a-z0-9][a-z0-9._-]{0,63})/gi)) out.add(m[1]!.replace(/[._-]+$/, '').toLowerCase());
  return [...out];
}

/** A short excerpt of a text for a notification's line (the full text is one click away, behind the policy). */
export const excerpt = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
