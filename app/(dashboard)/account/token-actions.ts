'use server';

import { defineAction } from '@/data/action';
import { newApiTokenSchema, revokeApiTokenSchema } from '@/lib/validation/api-tokens';
import { issueApiToken, revokeApiToken } from '@/data/writes/account';

/** Personal access tokens on the account page: made (shown once, in this action's answer) and revoked by their owner. */

export const createApiTokenAction = defineAction({
  policy: 'token.manage',
  schema: newApiTokenSchema,
  invalidMessage: null,
  body: async ({ db, actor, input, t }) => {
    const result = await issueApiToken(db, { userId: actor.id, ...input, actorId: actor.id });
    if (!result.ok) return { ok: false, message: t(`api.tokens.errors.${result.reason}`) };
    // The token is stored as a hash: this one answer is the only time it is shown.
    return { ok: true, message: t('api.tokens.created'), token: result.token, invalidate: [{ kind: 'api-token' }] };
  },
});

export const revokeApiTokenAction = defineAction({
  policy: 'token.manage',
  schema: revokeApiTokenSchema,
  invalidMessage: 'api.tokens.notRevoked',
  refill: false,
  body: async ({ db, actor, input, t }) => {
    // Only one's own tokens here; admins revoke anyone's on the admin page.
    const result = await revokeApiToken(db, { tokenId: input.tokenId, actorId: actor.id, ownerId: actor.id });
    if (!result.ok) return { ok: false, message: t('api.tokens.notRevoked') };
    return { ok: true, message: t('api.tokens.revokedDone'), invalidate: [{ kind: 'api-token' }] };
  },
});
