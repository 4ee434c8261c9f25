'use server';

import { type Db, defineAction } from '@/data/action';
import type { Change } from '@/data/invalidate';
import { meetingAnswer } from '@/data/meetings-messages';
import { commentEditSchema, commentFormSchema } from '@/lib/validation/meetings';
import { addComment, commentSubject, editComment } from '@/data/writes/meetings';

/**
 * Comments on indicators and meeting items: everyone signed in may comment ('comment.write'); a comment can be
 * edited by its author within 15 minutes. Both are audited with the change.
 */

async function subjectChanged(db: Db, commentId: number): Promise<Change[]> {
  const where = await commentSubject(db, commentId);
  return [{ kind: 'comment', indicatorCode: where?.indicatorCode, meetingItemId: where?.meetingItemId }];
}

const commentForm = { policy: 'comment.write', invalidMessage: 'meetings.validation.form', finish: meetingAnswer } as const;

export const addCommentAction = defineAction({
  ...commentForm,
  schema: commentFormSchema,
  body: async ({ db, actor, input, t }) => {
    const { subject, subjectId, parentId, body } = input;
    const result = await addComment(db, {
      subject: subject === 'indicator' ? { indicatorId: subjectId } : { meetingItemId: subjectId },
      parentId,
      body,
      authorId: actor.id,
    });
    if (!result.ok) return { ok: false, message: t(`meetings.comments.errors.${result.error}`) };
    // A posted comment empties the form.
    return { ok: true, message: t('meetings.comments.posted'), values: {}, invalidate: await subjectChanged(db, result.id) };
  },
});

export const editCommentAction = defineAction({
  ...commentForm,
  schema: commentEditSchema,
  body: async ({ db, actor, input, values, t }) => {
    const result = await editComment(db, { id: input.commentId, body: input.body, actorId: actor.id });
    if (!result.ok) return { ok: false, message: t(`meetings.comments.errors.${result.error}`) };
    return { ok: true, message: t('meetings.comments.edited'), values, invalidate: await subjectChanged(db, result.id) };
  },
});
