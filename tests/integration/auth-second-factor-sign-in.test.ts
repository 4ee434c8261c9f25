import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { verifyCredentials } from '@/db/queries/auth/credentials';
import { verifySecondFactorSignIn } from '@/db/queries/auth/second-factor-sign-in';
import { beginTotpEnrolment, confirmTotpEnrolment } from '@/db/queries/auth/two-factor';
import { auditLog, signInThrottles, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { createChallenge, readChallenge } from '@/lib/auth/sign-in-challenge';
import { createTestDatabase, driverUnderTest } from '../support/db';

const T0 = new Date('2025-03-03T09:00:05Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });
const password = 'correct horse battery staple';

let handle: DbHandle;
let db: Db;

async function enrolledUser() {
  const n = Math.random().toString(36).slice(2, 10);
  const [user] = await db
    .insert(users)
    .values({ email: `tf-${n}@example.org`, name: `TF ${n}`, role: 'staff', passwordHash: await hashPassword(password) })
    .returning();
  const { secret } = await beginTotpEnrolment(db, { userId: user!.id });
  const confirmed = await confirmTotpEnrolment(db, { userId: user!.id, code: await codeAt(secret, T0), now: T0 });
  if (!confirmed.ok) throw new Error('enrolment failed');
  return { user: user!, secret, recoveryCodes: confirmed.recoveryCodes };
}

describe(`two-factor sign-in, second step (${driverUnderTest})`, () => {
  beforeAll(async () => {
    process.env.AUTH_SECRET ??= 'integration-test-auth-secret-0123456789abcdef';
    handle = await createTestDatabase();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('a right password asks for the code and records no sign-in yet', async () => {
    const { user } = await enrolledUser();
    const result = await verifyCredentials(db, { email: user.email, password, ip: '10.0.0.1', now: at(60) });
    expect(result.status).toBe('second_factor');
    const signIns = await db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(signIns.map((r) => r.action)).not.toContain('auth.sign_in');
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lastSignInAt).toBeNull();
  });

  it('a right authenticator code completes the sign-in; the same code is refused as a replay', async () => {
    const { user, secret } = await enrolledUser();
    const now = at(90);
    const code = await codeAt(secret, now);
    const ok = await verifySecondFactorSignIn(db, { userId: user.id, sessionVersion: user.sessionVersion, code, ip: '10.0.0.2', now });
    expect(ok.status).toBe('ok');
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.find((r) => r.action === 'auth.sign_in')?.after).toMatchObject({ method: 'totp' });
    const replay = await verifySecondFactorSignIn(db, { userId: user.id, sessionVersion: user.sessionVersion, code, ip: '10.0.0.2', now });
    expect(replay.status).toBe('invalid');
  });

  it('wrong codes count against the account like wrong passwords: the sixth attempt is locked even with a right code', async () => {
    const { user, secret } = await enrolledUser();
    for (let i = 0; i < 5; i++) {
      const wrong = await verifySecondFactorSignIn(db, { userId: user.id, sessionVersion: 1, code: '000000', ip: '10.0.0.3', now: at(120 + i) });
      expect(wrong.status).toBe('invalid');
    }
    const now = at(130);
    const locked = await verifySecondFactorSignIn(db, {
      userId: user.id,
      sessionVersion: 1,
      code: await codeAt(secret, now),
      ip: '10.0.0.3',
      now,
    });
    expect(locked.status).toBe('locked');
    const [throttle] = await db.select().from(signInThrottles).where(eq(signInThrottles.email, user.email.toLowerCase()));
    expect(throttle!.lockedUntil).not.toBeNull();
  });

  it('a recovery code works once; a session version bumped meanwhile refuses the challenge', async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const first = await verifySecondFactorSignIn(db, { userId: user.id, sessionVersion: 1, code: recoveryCodes[0]!, ip: '10.0.0.4', now: at(200) });
    expect(first.status).toBe('ok');
    const again = await verifySecondFactorSignIn(db, { userId: user.id, sessionVersion: 1, code: recoveryCodes[0]!, ip: '10.0.0.4', now: at(201) });
    expect(again.status).toBe('invalid');
    await db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, user.id));
    const stale = await verifySecondFactorSignIn(db, { userId: user.id, sessionVersion: 1, code: recoveryCodes[1]!, ip: '10.0.0.4', now: at(202) });
    expect(stale.status).toBe('invalid');
  });

  it('the challenge between the two steps is encrypted and expires after five minutes', () => {
    const value = createChallenge('user-1', 3, 1_000_000);
    expect(value).not.toContain('user-1');
    expect(readChallenge(value, 1_000_000 + 60_000)).toEqual({ userId: 'user-1', sessionVersion: 3 });
    expect(readChallenge(value, 1_000_000 + 6 * 60_000)).toBeNull();
    // One character of the ciphertext changed, near its start, where every base64url character carries six bits
    // of the sealed bytes (the last one may carry padding bits, which decode the same whatever they are).
    const at = value.lastIndexOf('.') + 5;
    const tampered = `${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`;
    expect(readChallenge(tampered, 1_000_000)).toBeNull();
  });
});
