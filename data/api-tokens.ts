import 'server-only';
import { getDb } from '@/db';
import { listLiveApiTokens, listOwnApiTokens } from '@/db/queries/auth/api-tokens';
import { requireUser } from '@/data/auth/session';

/** The personal access token lists, behind the policy: the account page (one's own) and the admins' page (all live). */

export async function loadOwnApiTokens() {
  const user = await requireUser('token.manage');
  return listOwnApiTokens(await getDb(), user.id);
}

export async function loadLiveApiTokens() {
  await requireUser('users.manage');
  return listLiveApiTokens(await getDb());
}
