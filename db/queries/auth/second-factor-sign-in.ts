import { eq } from 'drizzle-orm';
import { SecretBoxError } from '@/lib/auth/secret-box';
import type { Db } from '../../client';
import { signInAttempts, users } from '../../schema';
import { writeAudit } from '../audit';
import {
  attemptIp,
  auditFailure,
  beginAttempt,
  completeSignIn,
  deleteAccountThrottle,
  normalizeEmail,
  reserveAccountAttempt,
  signedInUser,
  type CredentialsResult,
} from './credentials';
import { verifySecondFactor } from './two-factor';

type User = typeof users.$inferSelect;
/** Where a code was typed: the second step of sign-in, or the account page before a change to two-factor itself. */
export type CodePurpose = 'sign_in' | 'recovery_codes' | 'disable_totp';

type Refusal = { status: 'invalid' } | { status: 'locked' | 'rate_limited'; retryAfterSeconds: number };
type CheckedCode = { status: 'ok'; method: 'totp' | 'recovery'; attemptId: number } | Refusal;

async function auditCodeFailure(db: Db, user: User, ip: string, reason: 'invalid_code' | 'locked' | 'rate_limited', purpose: CodePurpose) {
  const email = normalizeEmail(user.email);
  if (purpose === 'sign_in') return auditFailure(db, email, ip, reason, user.id);
  await writeAudit(db, { actorId: user.id, action: 'auth.second_factor_failed', entityType: 'user', entityId: user.id, after: { reason, ip, purpose } });
}

/**
 * Every check of a second-factor code (authenticator or recovery) goes through here, under the same
 * per-address and per-account-and-address limits as passwords (credentials.ts), so that six digits cannot be
 * guessed faster than a password, whether at sign-in or on the account page; each failure is audited.
 */
async function checkCodeThrottled(db: Db, input: { user: User; code: string; ip: string; now: Date; purpose: CodePurpose }): Promise<CheckedCode> {
  const { user, now, purpose } = input;
  const ip = attemptIp(input.ip);
  const email = normalizeEmail(user.email);
  const { attemptId, ipWait } = await beginAttempt(db, email, ip, now);
  if (ipWait !== null) {
    await auditCodeFailure(db, user, ip, 'rate_limited', purpose);
    return { status: 'rate_limited', retryAfterSeconds: ipWait };
  }
  const reservation = await reserveAccountAttempt(db, email, ip, now);
  if (!reservation.allowed) {
    await auditCodeFailure(db, user, ip, 'locked', purpose);
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
    await auditCodeFailure(db, user, ip, 'invalid_code', purpose);
    return { status: 'invalid' };
  }
  return { status: 'ok', method: result.method, attemptId };
}

/**
 * The second step of a two-factor sign-in, after the password was right: only a right code records the sign-in.
 */
export async function verifySecondFactorSignIn(
  db: Db,
  input: { userId: string; sessionVersion: number; code: string; ip: string; now?: Date },
): Promise<Exclude<CredentialsResult, { status: 'second_factor' }>> {
  const now = input.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.status !== 'active' || user.sessionVersion !== input.sessionVersion || !user.totpEnabledAt) {
    return { status: 'invalid' };
  }
  const checked = await checkCodeThrottled(db, { user, code: input.code, ip: input.ip, now, purpose: 'sign_in' });
  if (checked.status !== 'ok') return checked;
  const ip = attemptIp(input.ip);
  await completeSignIn(db, { attemptId: checked.attemptId, email: normalizeEmail(user.email), userId: user.id, ip, now, method: checked.method });
  return { status: 'ok', user: signedInUser(user) };
}

/**
 * A fresh second factor from a signed-in user before a change to their two-factor set-up (new recovery codes,
 * turning it off): a stolen session alone must not be able to guess its way around two-factor.
 */
export async function verifyAccountSecondFactor(
  db: Db,
  input: { userId: string; code: string; ip: string; purpose: Exclude<CodePurpose, 'sign_in'>; now?: Date },
): Promise<{ status: 'ok' } | Refusal> {
  const now = input.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.status !== 'active' || !user.totpEnabledAt) return { status: 'invalid' };
  const checked = await checkCodeThrottled(db, { user, code: input.code, ip: input.ip, now, purpose: input.purpose });
  if (checked.status !== 'ok') return checked;
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, checked.attemptId));
  await deleteAccountThrottle(db, user.email, attemptIp(input.ip));
  return { status: 'ok' };
}
