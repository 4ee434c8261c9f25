'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { issueApiToken, revokeApiToken } from '@/db/queries/auth/api-tokens';
import { requireActionUser } from '@/data/auth/session';
import { isFormData, unreadableRequest } from '@/data/form-data';
import { newApiTokenSchema, revokeApiTokenSchema } from '@/lib/validation/api-tokens';

/** Personal access tokens on the account page: made (shown once, in this action's answer) and revoked by their owner. */

export interface CreateTokenState {
  message?: string;
  errors?: { name?: string[]; scope?: string[]; days?: string[] };
  /** The new token, in this one answer only: it is stored as a hash and never shown again. */
  token?: string;
}

export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await requireActionUser('token.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = newApiTokenSchema.safeParse({ name: formData.get('name'), scope: formData.get('scope'), days: formData.get('days') });
  if (!parsed.success) {
    const e = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return { errors: { name: e.name?.map((k) => t(k)), scope: e.scope?.map((k) => t(k)), days: e.days?.map((k) => t(k)) } };
  }
  const result = await issueApiToken(await getDb(), { userId: user.id, ...parsed.data, actorId: user.id });
  if (!result.ok) return { message: t(`api.tokens.errors.${result.reason}`) };
  revalidatePath('/account');
  return { token: result.token, message: t('api.tokens.created') };
}

export interface RevokeTokenState {
  message?: string;
}

export async function revokeApiTokenAction(_previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const user = await requireActionUser('token.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = revokeApiTokenSchema.safeParse({ tokenId: formData.get('tokenId') });
  if (!parsed.success) return { message: t('api.tokens.notRevoked') };
  // Only one's own tokens here; admins revoke anyone's on the admin page.
  const result = await revokeApiToken(await getDb(), { tokenId: parsed.data.tokenId, actorId: user.id, ownerId: user.id });
  revalidatePath('/account');
  return { message: t(result.ok ? 'api.tokens.revokedDone' : 'api.tokens.notRevoked') };
}
