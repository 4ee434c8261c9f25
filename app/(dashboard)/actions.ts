'use server';

import { z } from 'zod';
import { auth, signOut } from '@/auth';
import { defineFormAction } from '@/data/action';
import { revokeSession } from '@/data/writes/session';

/**
 * Signing out needs no permission. Besides clearing this browser's cookie, it revokes this session's id: a
 * request still in flight could otherwise hand the browser a refreshed copy of the cookie after the sign-out.
 */
export const signOutAction = defineFormAction({
  policy: { public: 'signing out needs no permission, and a session that is no longer valid must still be able to clear its cookie' },
  schema: z.object({}),
  body: async ({ db }) => {
    const session = await auth();
    if (session?.user?.id && session.user.sid) await revokeSession(db, { sid: session.user.sid, userId: session.user.id });
    await signOut({ redirectTo: '/sign-in' });
    return { ok: true };
  },
});
