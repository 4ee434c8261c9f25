import 'server-only';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/users';
import { requireUser } from '@/data/auth/session';
import type { UsersSearchParams } from '@/lib/validation/users';

/** The user list of /admin/users, behind the policy: pages call this, never db/queries directly. */
export async function loadUsers(params: UsersSearchParams) {
  await requireUser('users.manage');
  return listUsers(await getDb(), { search: params.q, sort: params.sort, dir: params.dir });
}
