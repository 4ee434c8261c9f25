import { eq } from 'drizzle-orm';
import { SecretBoxError } from '@/lib/auth/secret-box';
import type { Db } from '../../client';
import { signInAttempts, users } from '../../schema';
import {
  auditFailure,
  completeSignIn,
  ipRetryAfter,
  normalizeEmail,
  reserveAccountAttempt,
  type CredentialsResult,
  type SignedInUser,
} from './credentials';
import { verifySecondFactor } from './two-factor';

/**
 * The second step of a two-factor sign-in, after the password was right: the code (authenticator or recovery)
 * goes through the same per-address and per-account limits as passwords, so the six digits cannot be guessed
 * faster than a password; only a right code records the sign-in.
 */
export async function verifySecondFactorSignIn(
  db: Db,
  input: { userId: string; sessionVersion: number; code: string; ip: string; now?: Date },
): Promise<Exclude<CredentialsResult, { status: 'second_factor' }>> {
  const now = input.now ?? new Date();
  const ip = input.ip.trim().slice(0, 100) || 'unknown';
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.status !== 'active' || user.sessionVersion !== input.sessionVersion || !user.totpEnabledAt) {
    return { status: 'invalid' };
  }
  const email = normalizeEmail(user.email);
  const [attempt] = await db
    .insert(signInAttempts)
    .values({ email, ip, succeeded: false, at: now })
    .returning({ id: signInAttempts.id });
  if (!attempt) throw new Error('sign_in_attempts insert returned no row');

  const ipWait = await ipRetryAfter(db, ip, attempt.id, now);
  if (ipWait !== null) {
    await auditFailure(db, email, ip, 'rate_limited', user.id);
    return { status: 'rate_limited', retryAfterSeconds: ipWait };
  }
  const reservation = await reserveAccountAttempt(db, email, now);
  if (!reservation.allowed) {
    await auditFailure(db, email, ip, 'locked', user.id);
    return { status: 'locked', retryAfterSeconds: reservation.retryAfterSeconds };
  }

  let result: Awaited<ReturnType<typeof verifySecondFactor>>;
  try {
    result = await verifySecondFactor(db, { userId: user.id, code: input.code, now });
  } catch (error) {
    // A rotated AUTH_SECRET makes the stored TOTP secret unreadable; recovery codes still work.
    if (!(error instanceof SecretBoxError)) throw error;
    result = { ok: false };
  }
  if (!result.ok) {
    await auditFailure(db, email, ip, 'invalid_code', user.id);
    return { status: 'invalid' };
  }
  await completeSignIn(db, { attemptId: attempt.id, email, userId: user.id, ip, now, method: result.method });
  const signedIn: SignedInUser = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    locale: user.locale,
    totpEnabled: true,
  };
  return { status: 'ok', user: signedIn };
}
