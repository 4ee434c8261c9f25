import 'server-only';
import { EDIT_WINDOW_MS, type CommentSubject } from '@/db/queries/comments';
import { can } from '@/lib/auth/policy';
import { requireUser } from '@/data/auth/session';
import { sealed } from '@/data/view-seal';
import { commentsView } from '@/data/views';

/** The comments of an indicator or meeting item, with what the reader may do with each. */
export async function loadComments(subject: CommentSubject) {
  const user = await requireUser('dashboard.read');
  const threads = (await commentsView(...sealed(subject)))!;
  const now = Date.now();
  const editable = (c: { authorId: string; createdAt: string }) =>
    c.authorId === user.id && can(user.role, 'comment.write') && now - new Date(c.createdAt).getTime() <= EDIT_WINDOW_MS;
  return {
    canWrite: can(user.role, 'comment.write'),
    threads: threads.map((t) => ({
      ...t,
      editable: editable(t),
      replies: t.replies.map((r) => ({ ...r, editable: editable(r) })),
    })),
  };
}
