'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { revokeApiToken } from '@/db/queries/auth/api-tokens';
import { requireActionUser } from '@/data/auth/session';
import { isFormData, unreadableRequest } from '@/data/form-data';
import { revokeApiTokenSchema } from '@/lib/validation/api-tokens';
import type { RevokeTokenState } from '../../account/token-actions';

/** An admin revokes anyone's personal access token (audited under the admin's name). */
export async function adminRevokeApiTokenAction(_previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const admin = await requireActionUser('users.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = revokeApiTokenSchema.safeParse({ tokenId: formData.get('tokenId') });
  if (!parsed.success) return { message: t('api.tokens.notRevoked') };
  const result = await revokeApiToken(await getDb(), { tokenId: parsed.data.tokenId, actorId: admin.id, ownerId: null });
  revalidatePath('/admin/tokens');
  return { message: t(result.ok ? 'api.tokens.revokedDone' : 'api.tokens.notRevoked') };
}
