import { z } from 'zod';
import { tokenScopes } from '@/lib/auth/policy';

/** A token lives at most a year; the form offers shorter choices. */
export const MAX_TOKEN_DAYS = 365;
export const MAX_TOKEN_NAME = 80;

const k = (key: string) => `api.tokens.validation.${key}`;

/** A new personal access token, from the account page or `npm run token:create`. Messages are catalog keys. */
export const newApiTokenSchema = z.object({
  name: z.preprocess(
    (x) => (x == null ? '' : x),
    z.string().trim().min(1, k('nameRequired')).max(MAX_TOKEN_NAME, k('nameTooLong')),
  ),
  scope: z.enum(tokenScopes, { error: k('scopeInvalid') }),
  days: z.coerce
    .number({ error: k('daysInvalid') })
    .int(k('daysInvalid'))
    .min(1, k('daysInvalid'))
    .max(MAX_TOKEN_DAYS, k('daysTooLong')),
});
export type NewApiToken = z.infer<typeof newApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid({ error: k('tokenUnknown') }) });
