'use server';

import { auth, signOut } from '@/auth';
import { getDb } from '@/db';
import { revokeSession } from '@/db/queries/auth/revoked-sessions';

/**
 * Signing out needs no permission. Besides clearing this browser's cookie, it revokes this session's id: a
 * request still in flight could otherwise hand the browser a refreshed copy of the cookie after the sign-out.
 */
export async function signOutAction() {
  const session = await auth();
  if (session?.user?.id && session.user.sid) {
    await revokeSession(await getDb(), { sid: session.user.sid, userId: session.user.id });
  }
  await signOut({ redirectTo: '/sign-in' });
}
