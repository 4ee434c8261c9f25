import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Db } from '../../client';
import { signInAttempts, signInThrottles, users } from '../../schema';
import { audit, writeAudit, type DbOrTx } from '../audit';

/** The sign-in limits, in one place. */
export const signInLimits = {
  /** Failures for one account within the window before it is locked. */
  accountFailures: 5,
  windowMinutes: 15,
  /** Lock lengths double from 1 minute (1, 2, 4, 8 …) up to this. */
  maxLockMinutes: 15,
  /** Failed attempts from one client address within the window before it is refused. */
  ipFailures: 50,
  /** Attempt rows (and stale throttles) older than this are pruned; the audit log keeps the lasting record. */
  retentionHours: 24,
  /** At most this many old attempt rows are pruned per attempt, so pruning never stalls a sign-in. */
  pruneBatch: 500,
} as const;

type User = typeof users.$inferSelect;
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  sessionVersion: number;
  locale: User['locale'];
  totpEnabled: boolean;
}

/** What a session is made from: the user's claims as of this sign-in. */
export function signedInUser(user: Pick<User, 'id' | 'email' | 'name' | 'role' | 'sessionVersion' | 'locale' | 'totpEnabledAt'>): SignedInUser {
  const { id, email, name, role, sessionVersion, locale } = user;
  return { id, email, name, role, sessionVersion, locale, totpEnabled: user.totpEnabledAt !== null };
}

export type CredentialsResult =
  | { status: 'ok'; user: SignedInUser }
  /** The password is right but the account uses two-factor sign-in: nothing is recorded as a success yet. */
  | { status: 'second_factor'; user: SignedInUser }
  | { status: 'invalid' }
  | { status: 'locked'; retryAfterSeconds: number }
  | { status: 'rate_limited'; retryAfterSeconds: number };

export interface CredentialsInput {
  email: string;
  password: string;
  /** The client's address as the app sees it behind its trusted proxy; every unknown address shares a bucket. */
  ip: string;
  now?: Date;
}

/**
 * The throttle key for an email. Emails are unique regardless of case; a real address has at most 254
 * characters, so cutting at 320 changes none of them but keeps an attacker's megabyte "email" out of the index.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 320);
}

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const minutes = (n: number) => sql.raw(`interval '${n} minutes'`);
const windowStart = (now: Date) => sql`${at(now)} - ${minutes(signInLimits.windowMinutes)}`;
/** Lock length after the n-th failure (n ≥ 5): 1, 2, 4, 8 minutes, then the cap. */
const lockFor = (n: SQL) =>
  sql`least(${sql.raw(String(signInLimits.maxLockMinutes))}, power(2, least(${n} - ${sql.raw(String(signInLimits.accountFailures))}, 10))::int) * interval '1 minute'`;

const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against an account from one client address BEFORE its password (or code) is checked,
 * atomically in one upsert, so that parallel guesses each see the others: only the first five within a window
 * reach the check, and the one that reaches the limit sets the lock itself (a success then clears it). While
 * locked the upsert's WHERE refuses the update; the attempt is then refused unchecked, counted as a further
 * failure, and the lock grows. The count restarts when the window began 15 minutes ago and no lock ended within
 * the last 15 minutes — otherwise waiting out a 15-minute lock would buy a fresh set of five guesses.
 *
 * Keyed on account AND address: someone guessing from one address locks out only that address, so nobody can
 * keep an account's owner (the last admin included) out by failing on purpose; guessing from many addresses is
 * held back by the per-address limit (ipRetryAfter).
 */
export async function reserveAccountAttempt(db: DbOrTx, email: string, ip: string, now: Date): Promise<Reservation> {
  const t = signInThrottles;
  const next = sql`${t.failures} + 1`;
  const restart = sql`(${t.windowStartedAt} <= ${windowStart(now)} and (${t.lockedUntil} is null or ${t.lockedUntil} <= ${windowStart(now)}))`;
  for (let tries = 0; tries < 3; tries++) {
    const [reserved] = await db
      .insert(t)
      .values({ email, ip, failures: 1, windowStartedAt: now, lockedUntil: null })
      .onConflictDoUpdate({
        target: [t.email, t.ip],
        set: {
          failures: sql`case when ${restart} then 1 else ${next} end`,
          windowStartedAt: sql`case when ${restart} then ${at(now)} else ${t.windowStartedAt} end`,
          lockedUntil: sql`case when ${restart} then null when ${next} >= ${sql.raw(String(signInLimits.accountFailures))} then ${at(now)} + ${lockFor(next)} else null end`,
        },
        setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at(now)}`,
      })
      .returning({ failures: t.failures });
    if (reserved) return { allowed: true };

    const [locked] = await db
      .update(t)
      .set({ failures: next, lockedUntil: sql`greatest(${t.lockedUntil}, ${at(now)} + ${lockFor(next)})` })
      .where(and(eq(t.email, email), eq(t.ip, ip), gt(t.lockedUntil, now)))
      .returning({ lockedUntil: t.lockedUntil });
    if (locked?.lockedUntil) return { allowed: false, retryAfterSeconds: secondsUntil(locked.lockedUntil, now) };
    // The lock vanished between the two statements (a success or an admin cleared it): count afresh.
  }
  return { allowed: false, retryAfterSeconds: 1 };
}

/**
 * Forgets an account's failures: from one address after a success there (a right password or code proves who
 * this is, but only for that address), or from every address for a new password or an admin's decision.
 */
export async function deleteAccountThrottle(db: DbOrTx, email: string, ip?: string) {
  const t = signInThrottles;
  const key = normalizeEmail(email);
  const rows = await db
    .delete(t)
    .where(ip === undefined ? eq(t.email, key) : and(eq(t.email, key), eq(t.ip, ip)))
    .returning();
  return rows.length > 0 ? rows : null;
}

/**
 * Drops attempt rows and throttles that no limit reads any more (older than the retention), a bounded batch at a
 * time, so that sign_in_attempts does not grow without end. Called on every attempt; cheap when nothing is old.
 */
export async function pruneSignInRecords(db: DbOrTx, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - signInLimits.retentionHours * 3_600_000);
  const a = signInAttempts;
  const old = db.select({ id: a.id }).from(a).where(lt(a.at, cutoff)).limit(signInLimits.pruneBatch);
  await db.delete(a).where(inArray(a.id, old));
  const t = signInThrottles;
  await db.delete(t).where(and(lt(t.windowStartedAt, cutoff), sql`(${t.lockedUntil} is null or ${t.lockedUntil} < ${at(cutoff)})`));
}

/**
 * Seconds until a client address may try again, or null when it is under its limit. The attempt is recorded
 * first and the earlier failures counted after, so parallel requests from one address each see the others.
 * Refused attempts stay recorded as failures, so an address that keeps hammering stays refused. The wait told
 * is until the 49th most recent earlier failure leaves the window: then 48 of them plus this refused attempt
 * remain, and the next attempt is under the limit.
 */
export async function ipRetryAfter(db: DbOrTx, ip: string, attemptId: number, now: Date): Promise<number | null> {
  const a = signInAttempts;
  const [fortyNinth, fiftieth] = await db
    .select({ at: a.at })
    .from(a)
    .where(and(eq(a.ip, ip), eq(a.succeeded, false), gt(a.at, sql`${windowStart(now)}`), ne(a.id, attemptId)))
    .orderBy(desc(a.at), desc(a.id))
    .offset(signInLimits.ipFailures - 2)
    .limit(2);
  if (!fiftieth || !fortyNinth) return null;
  return secondsUntil(new Date(fortyNinth.at.getTime() + signInLimits.windowMinutes * 60_000), now);
}

/** The client address as the sign-in records keep it (bounded; "unknown" when the proxy gave none). */
export function attemptIp(ip: string): string {
  return ip.trim().slice(0, 100) || 'unknown';
}

/**
 * Records an attempt as failed until it succeeds, prunes old records, and says how long the address must wait
 * (null: under its limit). Every password and code check starts here, before its slow part.
 */
export async function beginAttempt(db: DbOrTx, email: string, ip: string, now: Date): Promise<{ attemptId: number; ipWait: number | null }> {
  const [attempt] = await db.insert(signInAttempts).values({ email, ip, succeeded: false, at: now }).returning({ id: signInAttempts.id });
  if (!attempt) throw new Error('sign_in_attempts insert returned no row');
  await pruneSignInRecords(db, now);
  return { attemptId: attempt.id, ipWait: await ipRetryAfter(db, ip, attempt.id, now) };
}

// A real argon2id hash of a random secret, with the same parameters as real ones, computed once on first need:
// an unknown email, a disabled user or one without a password costs the same verification as a wrong password.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  if (!dummyHash) {
    dummyHash = hashPassword(randomBytes(32).toString('base64url'));
    dummyHash.catch(() => (dummyHash = undefined));
  }
  return dummyHash;
}

type FailureReason = 'invalid' | 'invalid_code' | 'locked' | 'rate_limited';
export async function auditFailure(db: DbOrTx, email: string, ip: string, reason: FailureReason, userId?: string) {
  // Admin-only detail: the user never sees the reason, and unknown emails and wrong passwords are both 'invalid'.
  await audit(db, 'auth.sign_in_failed', ['user', userId ?? null], null, { after: { email, reason, ip } });
}

/**
 * Checks an email and password, applying the per-address and per-account limits. The password is never logged
 * or stored. Every attempt is recorded in sign_in_attempts and audited.
 *
 * Writes are separate short statements rather than one transaction on purpose: the attempt row and the throttle
 * reservation must be committed BEFORE the deliberately slow password check so that parallel guesses see them. The success
 * path's writes (attempt marked succeeded, throttle cleared, last sign-in, audit) share one transaction.
 */
export async function verifyCredentials(db: Db, input: CredentialsInput): Promise<CredentialsResult> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const ip = attemptIp(input.ip);
  const { attemptId, ipWait } = await beginAttempt(db, email, ip, now);
  if (ipWait !== null) {
    await auditFailure(db, email, ip, 'rate_limited');
    return { status: 'rate_limited', retryAfterSeconds: ipWait };
  }

  // Keyed by the email as typed (lower-cased), whether or not an account has it: a lock reveals nothing.
  const reservation = await reserveAccountAttempt(db, email, ip, now);
  if (!reservation.allowed) {
    await auditFailure(db, email, ip, 'locked');
    return { status: 'locked', retryAfterSeconds: reservation.retryAfterSeconds };
  }

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  // Always exactly one argon2id verification, against the real hash or the dummy one.
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.passwordHash || user.status !== 'active' || !matches) {
    await auditFailure(db, email, ip, 'invalid', user?.id);
    return { status: 'invalid' };
  }

  const signedIn = signedInUser(user);
  // With two-factor sign-in the attempt stays counted against the account until the code is right too.
  if (signedIn.totpEnabled) return { status: 'second_factor', user: signedIn };
  await completeSignIn(db, { attemptId, email, userId: user.id, ip, now, method: 'password' });
  return { status: 'ok', user: signedIn };
}

/**
 * Records a completed sign-in in one transaction: the attempt marked succeeded, the account's throttle
 * cleared, the last sign-in time and the audit row.
 */
export async function completeSignIn(
  db: Db,
  input: { attemptId: number; email: string; userId: string; ip: string; now: Date; method: 'password' | 'totp' | 'recovery' },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, input.attemptId));
    await deleteAccountThrottle(tx, input.email, input.ip);
    // Keep updated_at for changes to the account itself, not for every sign-in.
    await tx
      .update(users)
      .set({ lastSignInAt: input.now, updatedAt: sql`${users.updatedAt}` })
      .where(eq(users.id, input.userId));
    await audit(tx, 'auth.sign_in', ['user', input.userId], input.userId, {
      after: { ip: input.ip, method: input.method },
    });
  });
}

export interface ThrottleState {
  email: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  /** Seconds until the lock ends, or 0 when the account is not locked now. */
  retryAfterSeconds: number;
}

/**
 * An account's throttle for the admin UI, or null when it has no recent failures on record: its failures from
 * every address together, and the latest lock (the one an admin would want to clear).
 */
export async function throttleState(db: Db, email: string, now: Date = new Date()): Promise<ThrottleState | null> {
  const t = signInThrottles;
  const [row] = await db
    .select({
      email: t.email,
      failures: sql<number>`sum(${t.failures})::int`,
      windowStartedAt: sql<Date>`min(${t.windowStartedAt})`.mapWith(t.windowStartedAt),
      lockedUntil: sql<Date | null>`max(${t.lockedUntil})`.mapWith(t.lockedUntil),
    })
    .from(t)
    .where(eq(t.email, normalizeEmail(email)))
    .groupBy(t.email);
  if (!row) return null;
  const locked = row.lockedUntil !== null && row.lockedUntil > now;
  return { ...row, failures: Number(row.failures), retryAfterSeconds: locked && row.lockedUntil ? secondsUntil(row.lockedUntil, now) : 0 };
}

/** Admin action: lets a locked-out account sign in again at once. The caller checks 'users.manage' first. */
export async function clearThrottle(db: Db, input: { email: string; actorId: string }): Promise<{ cleared: boolean }> {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const before = await deleteAccountThrottle(tx, email);
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'auth.throttle_cleared',
      entityType: 'sign_in_throttle',
      entityId: email,
      before: before && {
        failures: before.reduce((sum, b) => sum + b.failures, 0),
        lockedUntil: before.map((b) => b.lockedUntil).reduce((a, b) => (a && (!b || a > b) ? a : b), null as Date | null),
        addresses: before.map((b) => b.ip),
      },
    });
    return { cleared: before !== null };
  });
}
