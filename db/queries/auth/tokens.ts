import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { passwordProblems, type PasswordProblem } from '@/lib/auth/password-policy';
import type { Db } from '../../client';
import { passwordTokens, users } from '../../schema';
import { audit } from '../audit';
import { columnsOf } from '../columns';
import { deleteAccountThrottle } from './credentials';

/** Set-password links (invitations and resets): 72 hours, single use, only a hash stored. */
export const PASSWORD_TOKEN_TTL_HOURS = 72;

export type PasswordTokenPurpose = (typeof passwordTokens.$inferSelect)['purpose'];

/** 32 random bytes in base64url: exactly 43 characters of [A-Za-z0-9_-]. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * SHA-256, not argon2: the token has 256 bits of entropy, so a fast hash cannot be brute-forced, and a fast,
 * deterministic hash is what lets the link be found by an indexed lookup. A leaked table yields no usable link.
 */
function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Creates a set-password link's token for a user and returns it ONCE: the caller shows or mails it and never
 * stores it. Earlier unused links of the same user stop working (they read as expired), so only the newest
 * link is live. `createdBy` is the admin, or null for the user:create command.
 */
export async function issuePasswordToken(
  db: Db,
  input: { userId: string; purpose: PasswordTokenPurpose; createdBy: string | null; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_TOKEN_TTL_HOURS * 3600_000);
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
    if (!user) throw new Error(`No user ${input.userId}`);
    const superseded = await tx
      .update(passwordTokens)
      .set({ expiresAt: now })
      .where(and(eq(passwordTokens.userId, input.userId), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
      .returning({ id: passwordTokens.id });
    const [row] = await tx
      .insert(passwordTokens)
      .values({ userId: input.userId, tokenHash: hashToken(token), purpose: input.purpose, expiresAt, createdBy: input.createdBy, createdAt: now })
      .returning({ id: passwordTokens.id });
    await audit(tx, 'auth.password_token_issued', ['user', input.userId], input.createdBy, {
      after: { purpose: input.purpose, tokenId: row?.id, expiresAt, supersededTokenIds: superseded.map((s) => s.id) },
    });
  });
  return { token, expiresAt };
}

export type TokenFailure = { status: 'invalid' } | { status: 'expired' } | { status: 'used' };
export type TokenInspection =
  | { status: 'valid'; email: string; name: string; purpose: PasswordTokenPurpose }
  | TokenFailure;

interface TokenRow {
  id: number;
  userId: string;
  purpose: PasswordTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Why a token cannot be used, or null when it can. A disabled user's link is simply invalid. */
function tokenFailure(row: TokenRow | undefined, userStatus: string | undefined, now: Date): TokenFailure | null {
  if (!row || userStatus === undefined) return { status: 'invalid' };
  if (row.usedAt) return { status: 'used' };
  if (row.expiresAt <= now) return { status: 'expired' };
  if (userStatus !== 'active') return { status: 'invalid' };
  return null;
}

/** For the set-password page: whether the link works, and whose it is (to greet them and check the policy). */
export async function inspectPasswordToken(db: Db, token: string, now: Date = new Date()): Promise<TokenInspection> {
  if (!TOKEN_SHAPE.test(token)) return { status: 'invalid' };
  const [row] = await db
    .select({ ...columnsOf(passwordTokens, 'id', 'userId', 'purpose', 'expiresAt', 'usedAt'), ...columnsOf(users, 'email', 'name'), userStatus: users.status })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(eq(passwordTokens.tokenHash, hashToken(token)));
  const failure = tokenFailure(row, row?.userStatus, now);
  if (failure || !row) return failure ?? { status: 'invalid' };
  return { status: 'valid', email: row.email, name: row.name, purpose: row.purpose };
}

export type ConsumeResult =
  | { status: 'ok'; userId: string }
  | TokenFailure
  | { status: 'weak'; problems: PasswordProblem[] };

/**
 * Sets a password from a link, all in one transaction: the token row is locked (select … for update) so that
 * two parallel submissions of one link serialise and the second finds it used. Every session of the user dies
 * (session_version + 1), other outstanding links die, and the account's sign-in throttle is cleared.
 * A weak password changes nothing and leaves the link usable.
 */
export async function consumePasswordToken(
  db: Db,
  input: { token: string; password: string; now?: Date },
): Promise<ConsumeResult> {
  const now = input.now ?? new Date();
  if (!TOKEN_SHAPE.test(input.token)) return { status: 'invalid' };
  const tokenHash = hashToken(input.token);
  return db.transaction(async (tx): Promise<ConsumeResult> => {
    const [row] = await tx.select().from(passwordTokens).where(eq(passwordTokens.tokenHash, tokenHash)).for('update');
    const [user] = row
      ? await tx.select({ email: users.email, status: users.status }).from(users).where(eq(users.id, row.userId))
      : [];
    const failure = tokenFailure(row, user?.status, now);
    if (failure || !row || !user) return failure ?? { status: 'invalid' };

    const problems = passwordProblems(input.password, { email: user.email });
    if (problems.length > 0) return { status: 'weak', problems };

    const passwordHash = await hashPassword(input.password);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, row.userId));
    await tx.update(passwordTokens).set({ usedAt: now }).where(eq(passwordTokens.id, row.id));
    await tx
      .update(passwordTokens)
      .set({ expiresAt: now })
      .where(and(eq(passwordTokens.userId, row.userId), ne(passwordTokens.id, row.id), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)));
    await deleteAccountThrottle(tx, user.email);
    // The user acts for themselves here: the link is their proof of identity.
    await audit(tx, 'auth.password_set', ['user', row.userId], row.userId, {
      after: { purpose: row.purpose, tokenId: row.id },
    });
    return { status: 'ok', userId: row.userId };
  });
}
