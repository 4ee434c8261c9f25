import { lt } from 'drizzle-orm';
import { ABSOLUTE_TIMEOUT_SECONDS } from '@/auth.config';
import type { Db } from '../../client';
import { revokedSessions } from '../../schema';

/** Lists a signed-out session's id until no token of it could be valid anyway; prunes the expired ones. */
export async function revokeSession(db: Db, input: { sid: string; userId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_SECONDS * 1000);
  await db.transaction(async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
    await tx
      .insert(revokedSessions)
      .values({ sid: input.sid, userId: input.userId, revokedAt: now, expiresAt })
      .onConflictDoNothing({ target: revokedSessions.sid });
  });
}

