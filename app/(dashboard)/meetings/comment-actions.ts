'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addComment, commentSubject, editComment } from '@/db/queries/comments';
import { requireActionUser } from '@/data/auth/session';
import { commentEditSchema, commentFormSchema, formFields, type MeetingFormState } from '@/data/meetings-forms';
import { invalid } from '@/data/meetings-messages';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * Comments on indicators and meeting items (issue 11): everyone signed in may comment ('comment.write'); a
 * comment can be edited by its author within 15 minutes. Both are audited with the change.
 */

async function revalidateSubject(commentId: number) {
  const where = await commentSubject(await getDb(), commentId);
  if (where?.indicatorCode) revalidatePath(`/indicators/${where.indicatorCode}`);
  if (where?.meetingItemId) revalidatePath(`/meetings/items/${where.meetingItemId}`);
}

export async function addCommentAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const actor = await requireActionUser('comment.write');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = formFields(formData, ['subject', 'subjectId', 'parentId', 'body']);
  const parsed = commentFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const { subject, subjectId, parentId, body } = parsed.data;
  const result = await addComment(await getDb(), {
    subject: subject === 'indicator' ? { indicatorId: subjectId } : { meetingItemId: subjectId },
    parentId,
    body,
    authorId: actor.id,
  });
  if (!result.ok) return { ok: false, message: t(`meetings.comments.errors.${result.error}`), values, attempt: Date.now() };
  await revalidateSubject(result.id);
  return { ok: true, message: t('meetings.comments.posted'), values: {}, attempt: Date.now() };
}

export async function editCommentAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const actor = await requireActionUser('comment.write');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = formFields(formData, ['commentId', 'body']);
  const parsed = commentEditSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await editComment(await getDb(), { id: parsed.data.commentId, body: parsed.data.body, actorId: actor.id });
  if (!result.ok) return { ok: false, message: t(`meetings.comments.errors.${result.error}`), values, attempt: Date.now() };
  await revalidateSubject(result.id);
  return { ok: true, message: t('meetings.comments.edited'), values, attempt: Date.now() };
}
