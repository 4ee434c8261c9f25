import { eq, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblems, type PasswordProblem } from '@/lib/auth/password-policy';
import type { Db } from '../../client';
import { users } from '../../schema';
import { audit } from '../audit';
import { attemptIp, deleteAccountThrottle, normalizeEmail, reserveAccountAttempt } from './credentials';

export type ChangePasswordResult =
  /** The new session version: re-issue the caller's own session with it, or it dies with the others. */
  | { status: 'ok'; sessionVersion: number }
  | { status: 'wrong_current' }
  | { status: 'weak'; problems: PasswordProblem[] }
  /** Too many wrong current passwords: the account's sign-in lock applies here too. */
  | { status: 'locked'; retryAfterSeconds: number };

/**
 * A signed-in user changes their own password, proving it with the current one. The current-password check
 * shares the account's sign-in throttle, so a stolen session cannot be used to guess the password at leisure.
 * Success bumps session_version: every other session of the user is signed out.
 */
export async function changeOwnPassword(
  db: Db,
  input: { userId: string; currentPassword: string; newPassword: string; ip: string; now?: Date },
): Promise<ChangePasswordResult> {
  const now = input.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.status !== 'active' || !user.passwordHash) return { status: 'wrong_current' };

  const email = normalizeEmail(user.email);
  const ip = attemptIp(input.ip);
  const reservation = await reserveAccountAttempt(db, email, ip, now);
  if (!reservation.allowed) return { status: 'locked', retryAfterSeconds: reservation.retryAfterSeconds };

  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await audit(db, 'auth.password_change_failed', ['user', user.id], user.id, { after: { reason: 'wrong_current' } });
    return { status: 'wrong_current' };
  }

  const problems = passwordProblems(input.newPassword, { email: user.email });
  if (problems.length > 0) {
    // The right current password proves who this is, as a successful sign-in does: forget the failures here.
    await deleteAccountThrottle(db, email, ip);
    return { status: 'weak', problems };
  }

  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    if (!updated) throw new Error(`User ${user.id} vanished while changing password`);
    await deleteAccountThrottle(tx, email);
    await audit(tx, 'auth.password_changed', ['user', user.id], user.id, {
      after: { sessionVersion: updated.sessionVersion },
    });
    return { status: 'ok' as const, sessionVersion: updated.sessionVersion };
  });
}

/**
 * Ends every session of a user on its next request by bumping session_version. `actorId` is the user
 * themselves or an admin (the caller checks 'account.manage' or 'users.manage'). Null when there is no such user.
 */
export async function signOutEverywhere(
  db: Db,
  input: { userId: string; actorId: string },
): Promise<{ sessionVersion: number } | null> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, input.userId))
      .returning({ sessionVersion: users.sessionVersion });
    if (!updated) return null;
    await audit(tx, 'auth.sign_out_everywhere', ['user', input.userId], input.actorId, {
      after: { sessionVersion: updated.sessionVersion },
    });
    return updated;
  });
}
