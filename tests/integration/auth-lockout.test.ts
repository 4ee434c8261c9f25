import { and, eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { signInLimits, verifyCredentials } from '@/db/queries/auth/credentials';
import { verifyAccountSecondFactor, verifySecondFactorSignIn } from '@/db/queries/auth/second-factor-sign-in';
import { consumePasswordToken, issuePasswordToken } from '@/db/queries/auth/tokens';
import { beginTotpEnrolment, confirmTotpEnrolment } from '@/db/queries/auth/two-factor';
import { auditLog, signInAttempts, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { createTestDatabase, driverUnderTest } from '../support/db';

// Nobody can keep an account's owner out by failing on purpose, and every code check is throttled like a
// password. Time is driven through `now`; each test has its own accounts and addresses.

const PASSWORD = 'quiet meadow lantern 77';
const T0 = new Date('2031-05-05T10:00:05Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

let handle: DbHandle;
let db: Db;

async function user(opts: { twoFactor?: boolean } = {}) {
  const n = Math.random().toString(36).slice(2, 10);
  const [row] = await db
    .insert(users)
    .values({ email: `lock-${n}@example.org`, name: `Lock ${n}`, role: 'admin', passwordHash: await hashPassword(PASSWORD) })
    .returning();
  if (!opts.twoFactor) return { user: row!, secret: '' };
  const { secret } = await beginTotpEnrolment(db, { userId: row!.id });
  const confirmed = await confirmTotpEnrolment(db, { userId: row!.id, code: await codeAt(secret, T0), now: T0 });
  if (!confirmed.ok) throw new Error('enrolment failed');
  return { user: row!, secret };
}

/** Enough wrong passwords from one address to lock the account there, and some more during the lock. */
async function hammer(email: string, ip: string, from = 1) {
  for (let i = 0; i < signInLimits.accountFailures + 3; i++) {
    await verifyCredentials(db, { email, password: `wrong guess ${i}`, ip, now: at(from + i) });
  }
}

describe(`account lock-out on ${driverUnderTest}`, () => {
  beforeAll(async () => {
    process.env.AUTH_SECRET ??= 'integration-test-auth-secret-0123456789abcdef';
    handle = await createTestDatabase();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("failures from one address lock only that address: the owner (the last admin too) still signs in from theirs", async () => {
    const { user: admin } = await user();
    await hammer(admin.email, '198.51.100.66');
    expect(await verifyCredentials(db, { email: admin.email, password: PASSWORD, ip: '198.51.100.66', now: at(20) })).toMatchObject({
      status: 'locked',
    });
    expect(await verifyCredentials(db, { email: admin.email, password: PASSWORD, ip: '192.0.2.10', now: at(21) })).toMatchObject({
      status: 'ok',
    });
  });

  it('a right second factor from another address completes the sign-in while one address is locked', async () => {
    const { user: owner, secret } = await user({ twoFactor: true });
    await hammer(owner.email, '198.51.100.67');
    const step1 = await verifyCredentials(db, { email: owner.email, password: PASSWORD, ip: '192.0.2.11', now: at(60) });
    expect(step1.status).toBe('second_factor');
    const step2 = await verifySecondFactorSignIn(db, {
      userId: owner.id,
      sessionVersion: owner.sessionVersion,
      code: await codeAt(secret, at(60)),
      ip: '192.0.2.11',
      now: at(60),
    });
    expect(step2.status).toBe('ok');
  });

  it('a set-password link works during a lock and clears it everywhere', async () => {
    const { user: owner } = await user();
    await hammer(owner.email, '198.51.100.68');
    const { token } = await issuePasswordToken(db, { userId: owner.id, purpose: 'reset', createdBy: null, now: at(30) });
    const fresh = 'a brand new passphrase 2031';
    expect(await consumePasswordToken(db, { token, password: fresh, now: at(31) })).toMatchObject({ status: 'ok' });
    expect(await verifyCredentials(db, { email: owner.email, password: fresh, ip: '198.51.100.68', now: at(32) })).toMatchObject({
      status: 'ok',
    });
  });

  it('codes typed on the account page share the sign-in throttle: guessing stops, the right code is then refused, failures are audited', async () => {
    const { user: owner, secret } = await user({ twoFactor: true });
    const ip = '203.0.113.50';
    for (let i = 0; i < signInLimits.accountFailures; i++) {
      const result = await verifyAccountSecondFactor(db, { userId: owner.id, code: '000000', ip, purpose: 'disable_totp', now: at(100 + i) });
      expect(result).toEqual({ status: 'invalid' });
    }
    const right = await verifyAccountSecondFactor(db, { userId: owner.id, code: await codeAt(secret, at(110)), ip, purpose: 'recovery_codes', now: at(110) });
    expect(right).toMatchObject({ status: 'locked' });
    const failures = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.second_factor_failed'), eq(auditLog.entityId, owner.id)));
    expect(failures.map((f) => (f.after as { reason: string }).reason)).toEqual([
      ...Array(signInLimits.accountFailures).fill('invalid_code'),
      'locked',
    ]);
    // Once the lock is over, the right code works and clears the failures.
    const later = at(110 + 16 * 60);
    expect(await verifyAccountSecondFactor(db, { userId: owner.id, code: await codeAt(secret, later), ip, purpose: 'recovery_codes', now: later })).toEqual({
      status: 'ok',
    });
  });

  it('prunes sign-in attempt rows older than the retention on the next attempt', async () => {
    const old = new Date(T0.getTime() - (signInLimits.retentionHours + 1) * 3_600_000);
    await db.insert(signInAttempts).values({ email: 'ancient@example.org', ip: '192.0.2.99', succeeded: false, at: old });
    await verifyCredentials(db, { email: 'someone@example.org', password: 'whatever it is', ip: '192.0.2.98', now: T0 });
    const left = await db.select({ n: sql<number>`count(*)::int` }).from(signInAttempts).where(eq(signInAttempts.email, 'ancient@example.org'));
    expect(Number(left[0]!.n)).toBe(0);
  });
});
