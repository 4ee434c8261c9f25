import { getLocale, getTranslations } from 'next-intl/server';
import { addCommentAction, editCommentAction } from '@/app/(dashboard)/meetings/comment-actions';
import '@/components/meetings/meetings.css';
import { formatDateTime } from '@/lib/format';
import { loadComments } from '@/data/comments';
import { CommentForm } from '@/components/comments/comment-form';
import type { CommentRow } from '@/types/meetings';

type Shown = CommentRow & { editable: boolean };

/**
 * The comments on an indicator or a meeting item, threaded one level: authors and times shown, "edited" marked;
 * authors may edit their own for 15 minutes. Everyone signed in may comment and reply.
 */
export async function CommentThread({ subject, subjectId }: { subject: 'indicator' | 'item'; subjectId: number }) {
  const [{ threads, canWrite }, t, locale] = await Promise.all([
    loadComments(subject === 'indicator' ? { indicatorId: subjectId } : { meetingItemId: subjectId }),
    getTranslations('meetings.comments'),
    getLocale(),
  ]);
  const one = (c: Shown) => (
    <div className="comment-head">
      <p className="comment-meta">
        <strong>{c.author}</strong> · <time dateTime={c.createdAt}>{formatDateTime(locale, c.createdAt, 'UTC')} UTC</time>
        {c.editedAt ? ` · ${t('editedAt', { time: formatDateTime(locale, c.editedAt, 'UTC') })}` : null}
      </p>
      <p className="comment-body">{c.body}</p>
      {c.editable ? (
        <details className="no-print">
          <summary>{t('edit')}</summary>
          <CommentForm action={editCommentAction} hidden={{ commentId: c.id }} label={t('editLabel')} submitLabel={t('saveEdit')} initialBody={c.body} />
        </details>
      ) : null}
    </div>
  );
  return (
    <section className="card" aria-labelledby={`comments-${subject}-${subjectId}`}>
      <h2 id={`comments-${subject}-${subjectId}`}>{t('title')}</h2>
      {threads.length === 0 ? <p className="muted">{canWrite ? t('emptyWrite') : t('empty')}</p> : null}
      {threads.map((c) => (
        <article key={c.id} className="comment" id={`comment-${c.id}`} data-comment={c.id}>
          {one(c)}
          {c.replies.map((r) => (
            <div key={r.id} className="comment" id={`comment-${r.id}`} data-comment={r.id}>
              {one(r)}
            </div>
          ))}
          {canWrite ? (
            <details className="no-print">
              <summary>{t('reply')}</summary>
              <CommentForm action={addCommentAction} hidden={{ subject, subjectId, parentId: c.id }} label={t('replyLabel', { author: c.author })} submitLabel={t('postReply')} />
            </details>
          ) : null}
        </article>
      ))}
      {canWrite ? (
        <div className="no-print">
          <CommentForm action={addCommentAction} hidden={{ subject, subjectId }} label={t('newLabel')} submitLabel={t('post')} />
        </div>
      ) : null}
    </section>
  );
}
