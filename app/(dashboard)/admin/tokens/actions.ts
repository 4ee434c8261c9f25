'use server';

import { defineAction } from '@/data/action';
import { revokeApiTokenSchema } from '@/lib/validation/api-tokens';
import { revokeApiToken } from '@/data/writes/account';

/** An admin revokes anyone's personal access token (audited under the admin's name). */
export const adminRevokeApiTokenAction = defineAction({
  policy: 'users.manage',
  schema: revokeApiTokenSchema,
  invalidMessage: 'api.tokens.notRevoked',
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const result = await revokeApiToken(db, { tokenId: input.tokenId, actorId: actor.id, ownerId: null });
    if (!result.ok) return { ok: false, message: t('api.tokens.notRevoked') };
    return { ok: true, message: t('api.tokens.revokedDone'), invalidate: [{ kind: 'api-token' }] };
  },
});
