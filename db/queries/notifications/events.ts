import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { excerpt, mentionedHandles } from '@/lib/notifications/kinds';
import { indicators, meetingItems, users } from '../../schema';
import type { DbOrTx } from '../audit';
import type { UpdateRow } from '../updates/types';
import { notify } from './write';

/**
 * Notifications caused by a change, written by its db/queries write function inside the change's own
 * transaction: if the change rolls back, so does its notification. The delivery job mails them.
 */

/** A reviewer returned or approved an update: its reporter hears of it (the reason, when returned). */
export async function notifyReviewed(tx: DbOrTx, updated: UpdateRow, reviewerId: string | null): Promise<void> {
  if (!updated.reportedBy || updated.reportedBy === reviewerId) return;
  const [ind] = await tx.select({ code: indicators.code }).from(indicators).where(eq(indicators.id, updated.indicatorId));
  const returned = updated.status === 'returned';
  await notify(tx, [
    {
      userId: updated.reportedBy,
      kind: returned ? 'update_returned' : 'update_approved',
      params: { code: ind?.code ?? '', periodEnd: updated.periodEnd, reason: returned ? (updated.reviewComment ?? '') : '' },
      link: `/updates/${updated.id}`,
    },
  ]);
}

/** An action item given to someone (new, or a new owner): they hear of it, unless they gave it to themselves. */
export async function notifyItemAssigned(tx: DbOrTx, item: { id: number; kind: string; text: string; ownerId: string | null; dueOn: string | null }, actorId: string | null) {
  if (item.kind !== 'action_item' || !item.ownerId || item.ownerId === actorId) return;
  await notify(tx, [{ userId: item.ownerId, kind: 'item_assigned', params: { item: excerpt(item.text), dueOn: item.dueOn ?? '' }, link: `/meetings/items/${item.id}` }]);
}

/** People a comment mentions (@ and the part of their e-mail before the @), other than its author. */
export async function notifyMentions(
  tx: DbOrTx,
  comment: { id: number; body: string; authorId: string; subject: { indicatorId: number } | { meetingItemId: number } },
): Promise<void> {
  const handles = mentionedHandles(comment.body);
  if (handles.length === 0) return;
  const mentioned = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(sql`lower(split_part(${users.email}, '@', 1))`, handles), ne(users.id, comment.authorId)));
  if (mentioned.length === 0) return;
  const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, comment.authorId));
  let where: string;
  let link: string;
  if ('indicatorId' in comment.subject) {
    const [ind] = await tx.select({ code: indicators.code }).from(indicators).where(eq(indicators.id, comment.subject.indicatorId));
    where = ind?.code ?? '';
    link = `/indicators/${encodeURIComponent(where)}#comment-${comment.id}`;
  } else {
    const [item] = await tx.select({ text: meetingItems.text }).from(meetingItems).where(eq(meetingItems.id, comment.subject.meetingItemId));
    where = excerpt(item?.text ?? '', 60);
    link = `/meetings/items/${comment.subject.meetingItemId}#comment-${comment.id}`;
  }
  await notify(
    tx,
    mentioned.map((m) => ({ userId: m.id, kind: 'mention' as const, params: { author: author?.name ?? '—', where, comment: excerpt(comment.body) }, link })),
  );
}
