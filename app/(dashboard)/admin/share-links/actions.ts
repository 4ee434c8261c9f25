'use server';

import { defineAction } from '@/data/action';
import { newShareLinkSchema, revokeShareLinkSchema } from '@/lib/validation/share-links';
import { issueShareLink, revokeShareLink } from '@/data/writes/admin';

/** Read-only share links: made (the link is shown once, in this action's answer) and revoked by admins. */

export const createShareLinkAction = defineAction({
  policy: 'share.manage',
  schema: newShareLinkSchema,
  fields: ['label', 'kind', 'year', 'goalCode', 'asOf', 'days'],
  invalidMessage: null,
  body: async ({ db, actor, input, values, t }) => {
    const result = await issueShareLink(db, { ...input, goalCode: input.kind === 'goal' ? input.goalCode : null, actorId: actor.id });
    if (!result.ok) {
      const field = result.reason === 'goal_unknown' ? 'goalCode' : result.reason === 'plan_unknown' ? 'year' : 'asOf';
      const message = t(`share.errors.${result.reason}`);
      return { ok: false, message, errors: { [field]: [message] }, values };
    }
    // Only the hash is stored: this answer is the one time the link is shown.
    return { ok: true, message: t('share.created'), path: `/share/${result.token}`, invalidate: [{ kind: 'share-link' }] };
  },
});

export const revokeShareLinkAction = defineAction({
  policy: 'share.manage',
  schema: revokeShareLinkSchema,
  invalidMessage: 'share.notRevoked',
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const result = await revokeShareLink(db, { id: input.linkId, actorId: actor.id });
    if (!result.ok) return { ok: false, message: t('share.notRevoked') };
    return { ok: true, message: t('share.revokedDone'), invalidate: [{ kind: 'share-link' }] };
  },
});
