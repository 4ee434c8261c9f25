import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { clearThrottle, signInLimits, throttleState, verifyCredentials } from '@/db/queries/auth/credentials';
import { auditLog, signInAttempts, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../support/db';

// verifyCredentials against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL). Each test uses its
// own emails and client address, and drives time through `now` instead of sleeping.

const PASSWORD = 'apricot orchard lantern 42';
const T0 = new Date('2030-03-01T09:00:00Z');
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

let handle: DbHandle;
let db: Db;
let adminId: string;

async function insertUser(email: string, opts: { password?: string | null; status?: 'active' | 'disabled' } = {}) {
  const password = opts.password === undefined ? PASSWORD : opts.password;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: email.split('@')[0] ?? email,
      role: 'staff',
      status: opts.status ?? 'active',
      passwordHash: password === null ? null : await hashPassword(password),
    })
    .returning();
  return user!;
}

const attempt = (email: string, password: string, ip: string, now: Date) =>
  verifyCredentials(db, { email, password, ip, now });

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [admin] = await db
    .insert(users)
    .values({ email: 'admin@example.org', name: 'Admin', role: 'admin', passwordHash: await hashPassword(PASSWORD) })
    .returning();
  adminId = admin!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe('verifyCredentials', () => {
  it('signs in with the right password, records the attempt, last sign-in and an audit row', async () => {
    const user = await insertUser('Amina.Diallo@Example.org');
    const result = await attempt('amina.diallo@example.org', PASSWORD, '10.0.0.1', T0);
    expect(result).toEqual({
      status: 'ok',
      user: {
        id: user.id,
        email: 'Amina.Diallo@Example.org',
        name: 'Amina.Diallo',
        role: 'staff',
        sessionVersion: 1,
        locale: null,
        totpEnabled: false,
      },
    });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt).toEqual(T0);
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.ip, '10.0.0.1'));
    expect(attempts).toMatchObject([{ email: 'amina.diallo@example.org', succeeded: true }]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    expect(audits).toMatchObject([{ actorId: user.id, entityType: 'user', entityId: user.id }]);
  });

  it('compares emails case-insensitively and ignores surrounding spaces', async () => {
    await insertUser('wang.fang@example.org');
    const result = await attempt('  WANG.Fang@EXAMPLE.ORG ', PASSWORD, '10.0.0.2', T0);
    expect(result.status).toBe('ok');
  });

  it('refuses a wrong password, an unknown email, a disabled user and a user without a password alike', async () => {
    await insertUser('kofi@example.org');
    await insertUser('disabled@example.org', { status: 'disabled' });
    await insertUser('invited@example.org', { password: null });
    const ip = '10.0.0.3';
    const [wrong, wrongMs] = await timed(() => attempt('kofi@example.org', 'not the password!!', ip, T0));
    const [unknown, unknownMs] = await timed(() => attempt('nobody@example.org', 'not the password!!', ip, T0));
    const [disabled, disabledMs] = await timed(() => attempt('disabled@example.org', PASSWORD, ip, T0));
    const [invited, invitedMs] = await timed(() => attempt('invited@example.org', PASSWORD, ip, T0));
    for (const result of [wrong, unknown, disabled, invited]) expect(result).toEqual({ status: 'invalid' });
    // Each paid for one argon2id verification, real or dummy: no fast path reveals an account. Measured against
    // the fastest of three plain verifications on this machine now, not a fixed figure (machines differ).
    const hash = await hashPassword(PASSWORD);
    let verifyMs = Infinity;
    for (let i = 0; i < 3; i++) verifyMs = Math.min(verifyMs, (await timed(() => verifyPassword(hash, 'wrong password!')))[1]);
    for (const ms of [wrongMs, unknownMs, disabledMs, invitedMs]) expect(ms).toBeGreaterThan(verifyMs * 0.6);

    const failures = await db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed'));
    const reasons = failures.map((f) => f.after as { email: string; reason: string });
    expect(reasons).toEqual(
      expect.arrayContaining([
        { email: 'kofi@example.org', reason: 'invalid', ip },
        { email: 'nobody@example.org', reason: 'invalid', ip },
        { email: 'disabled@example.org', reason: 'invalid', ip },
      ]),
    );
    expect(failures.every((f) => f.actorId === null)).toBe(true);
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.ip, ip));
    expect(attempts.map((a) => a.succeeded)).toEqual([false, false, false, false]);
  });

  it('never stores the password it was given', async () => {
    const secret = 'a-very-distinct-guess-8812';
    await attempt('kofi@example.org', secret, '10.0.0.4', T0);
    const [hits] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(sql`${auditLog.after}::text like ${'%' + secret + '%'}`);
    expect(hits?.n).toBe(0);
  });

  it('locks an account after 5 failures in 15 minutes, even against the right password', async () => {
    await insertUser('locked@example.org');
    const ip = '10.0.1.1';
    for (let i = 0; i < signInLimits.accountFailures; i++) {
      expect(await attempt('locked@example.org', 'wrong password here', ip, at(T0, i * 60))).toEqual({ status: 'invalid' });
    }
    const lockedFrom = at(T0, 4 * 60);
    expect((await throttleState(db, 'LOCKED@example.org', lockedFrom))?.retryAfterSeconds).toBe(60);
    // The right password while locked: refused, and counted as a further failure (the lock doubles).
    const result = await attempt('locked@example.org', PASSWORD, ip, at(lockedFrom, 30));
    expect(result).toEqual({ status: 'locked', retryAfterSeconds: 120 });
    const audit = await db.select().from(auditLog).where(sql`${auditLog.after}->>'reason' = 'locked'`);
    expect(audit.map((a) => a.after)).toContainEqual({ email: 'locked@example.org', reason: 'locked', ip });
  });

  it('locks unknown emails the same way, so a lockout reveals nothing', async () => {
    const ip = '10.0.1.2';
    for (let i = 0; i < 5; i++) await attempt('ghost@example.org', 'wrong password here', ip, T0);
    expect(await attempt('ghost@example.org', PASSWORD, ip, at(T0, 1))).toMatchObject({ status: 'locked' });
  });

  it('grows the lock 1, 2, 4, 8, 15, 15 minutes with each further failure', async () => {
    await insertUser('escalate@example.org');
    const ip = '10.0.1.3';
    let now = T0;
    for (let i = 0; i < 4; i++) await attempt('escalate@example.org', 'wrong password here', ip, now);
    const lengths: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect(await attempt('escalate@example.org', 'wrong password here', ip, now)).toEqual({ status: 'invalid' });
      const state = await throttleState(db, 'escalate@example.org', now);
      lengths.push(state!.retryAfterSeconds / 60);
      now = state!.lockedUntil!; // the first moment the lock is over
      expect(await throttleState(db, 'escalate@example.org', now)).toMatchObject({ retryAfterSeconds: 0 });
    }
    expect(lengths).toEqual([1, 2, 4, 8, 15, 15]);
    // Waiting out a lock does not restart the count: the next failure locks again at once.
    expect(await attempt('escalate@example.org', PASSWORD, ip, at(now, -1))).toMatchObject({ status: 'locked' });
  });

  it('restarts the count when the window is older than 15 minutes', async () => {
    await insertUser('window@example.org');
    const ip = '10.0.1.4';
    for (let i = 0; i < 4; i++) await attempt('window@example.org', 'wrong password here', ip, T0);
    // 15 minutes after the window began, a fifth failure starts a new window instead of locking.
    const later = at(T0, 15 * 60);
    expect(await attempt('window@example.org', 'wrong password here', ip, later)).toEqual({ status: 'invalid' });
    expect(await throttleState(db, 'window@example.org', later)).toMatchObject({ failures: 1, lockedUntil: null });
    // Within the window, the fifth failure does lock.
    for (let i = 0; i < 3; i++) await attempt('window@example.org', 'wrong password here', ip, at(later, 60));
    expect(await attempt('window@example.org', 'wrong password here', ip, at(later, 14 * 60))).toEqual({ status: 'invalid' });
    expect((await throttleState(db, 'window@example.org', at(later, 14 * 60)))?.retryAfterSeconds).toBe(60);
  });

  it('clears the failures on success', async () => {
    await insertUser('clears@example.org');
    const ip = '10.0.1.5';
    for (let i = 0; i < 4; i++) await attempt('clears@example.org', 'wrong password here', ip, T0);
    expect(await attempt('clears@example.org', PASSWORD, ip, T0)).toMatchObject({ status: 'ok' });
    expect(await throttleState(db, 'clears@example.org', T0)).toBeNull();
  });

  it('lets at most 5 of 20 parallel wrong guesses reach the password check', async () => {
    await insertUser('parallel@example.org');
    const ip = '10.0.1.6';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt('parallel@example.org', `wrong guess number ${i}`, ip, T0)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 'invalid')).toHaveLength(signInLimits.accountFailures);
    expect(statuses.filter((s) => s === 'locked')).toHaveLength(20 - signInLimits.accountFailures);
    expect(await attempt('parallel@example.org', PASSWORD, ip, at(T0, 1))).toMatchObject({ status: 'locked' });
  });

  it('lets an admin clear a throttle, with an audit row', async () => {
    await insertUser('rescued@example.org');
    const ip = '10.0.1.7';
    for (let i = 0; i < 5; i++) await attempt('rescued@example.org', 'wrong password here', ip, T0);
    expect(await throttleState(db, 'rescued@example.org', T0)).toMatchObject({ failures: 5, retryAfterSeconds: 60 });
    expect(await clearThrottle(db, { email: 'Rescued@example.org', actorId: adminId })).toEqual({ cleared: true });
    expect(await throttleState(db, 'rescued@example.org', T0)).toBeNull();
    expect(await attempt('rescued@example.org', PASSWORD, ip, at(T0, 1))).toMatchObject({ status: 'ok' });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.throttle_cleared'), eq(auditLog.entityId, 'rescued@example.org')));
    expect(audit).toMatchObject({ actorId: adminId, before: { failures: 5 } });
    expect(await clearThrottle(db, { email: 'rescued@example.org', actorId: adminId })).toEqual({ cleared: false });
  });

  it('refuses a client address after 50 failures in 15 minutes, whatever the account', async () => {
    await insertUser('victim@example.org');
    const ip = '203.0.113.9';
    for (let i = 0; i < signInLimits.ipFailures; i++) {
      expect(await attempt(`guess${i}@example.org`, 'wrong password here', ip, at(T0, i))).toEqual({ status: 'invalid' });
    }
    const refused = await attempt('victim@example.org', PASSWORD, ip, at(T0, 60));
    // The refused attempt is a failure too: free again once the failure at T0 + 1 s leaves the window, when
    // 48 earlier failures and the refused one are left.
    expect(refused).toEqual({ status: 'rate_limited', retryAfterSeconds: 15 * 60 + 1 - 60 });
    // It did not count against the account, and other addresses are unaffected.
    expect(await throttleState(db, 'victim@example.org', at(T0, 60))).toBeNull();
    expect(await attempt('victim@example.org', PASSWORD, '203.0.113.10', at(T0, 60))).toMatchObject({ status: 'ok' });
    expect(await attempt('victim@example.org', PASSWORD, ip, at(T0, 60 + 841))).toMatchObject({ status: 'ok' });
    const audit = await db.select().from(auditLog).where(sql`${auditLog.after}->>'reason' = 'rate_limited'`);
    expect(audit).toHaveLength(1);
  });

  it('never lets parallel attempts from one address past the address limit', async () => {
    const ip = '203.0.113.20';
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt(`burst${i}@example.org`, 'wrong password here', ip, T0)),
    );
    expect(results.filter((r) => r.status === 'invalid').length).toBeLessThanOrEqual(signInLimits.ipFailures);
    expect(results.filter((r) => r.status === 'rate_limited').length).toBeGreaterThanOrEqual(10);
  });
});
