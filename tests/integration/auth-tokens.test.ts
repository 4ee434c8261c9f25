import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { throttleState, verifyCredentials } from '@/db/queries/auth/credentials';
import { consumePasswordToken, inspectPasswordToken, issuePasswordToken } from '@/db/queries/auth/tokens';
import { queryRows } from '@/db/queries/raw';
import { auditLog, passwordTokens, signInThrottles, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../support/db';

// Set-password links on a real database: hashed at rest, 72 hours, single use even when raced.

const T0 = new Date('2030-05-04T08:00:00Z');
const HOUR = 3600_000;
const NEW_PASSWORD = 'kites over the grand canal at dusk';

let handle: DbHandle;
let db: Db;
let adminId: string;

async function insertUser(email: string, opts: { password?: string; status?: 'active' | 'disabled' } = {}) {
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: `Name of ${email}`,
      role: 'committee',
      status: opts.status ?? 'active',
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
    })
    .returning();
  return user!;
}

const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
const audits = (action: string, entityId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  adminId = (await insertUser('admin@example.org', { password: 'admin passphrase 2020' })).id;
});

afterAll(async () => {
  await handle?.close();
});

describe('password tokens', () => {
  it('issues a 256-bit token, stores only its SHA-256 hash, and audits the issue', async () => {
    const user = await insertUser('invitee@example.org');
    const { token, expiresAt } = await issuePasswordToken(db, { userId: user.id, purpose: 'invite', createdBy: adminId, now: T0 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(expiresAt).toEqual(new Date(T0.getTime() + 72 * HOUR));

    const rows = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    // The token itself appears nowhere: not in the tokens table, not in the audit log.
    const [leaks] = await queryRows<{ n: number }>(
      db,
      sql`select ((select count(*) from password_tokens t where t::text like ${'%' + token + '%'})
                + (select count(*) from audit_log a where a::text like ${'%' + token + '%'}))::int as n`,
    );
    expect(leaks?.n).toBe(0);

    const [audit] = await audits('auth.password_token_issued', user.id);
    expect(audit).toMatchObject({ actorId: adminId, after: { purpose: 'invite' } });
  });

  it('inspects a link: valid until 72 hours, then expired; unknown or malformed is invalid', async () => {
    const user = await insertUser('inspect@example.org');
    const { token } = await issuePasswordToken(db, { userId: user.id, purpose: 'invite', createdBy: adminId, now: T0 });
    expect(await inspectPasswordToken(db, token, new Date(T0.getTime() + 72 * HOUR - 1000))).toEqual({
      status: 'valid',
      email: 'inspect@example.org',
      name: 'Name of inspect@example.org',
      purpose: 'invite',
    });
    expect(await inspectPasswordToken(db, token, new Date(T0.getTime() + 72 * HOUR))).toEqual({ status: 'expired' });
    expect(
      await consumePasswordToken(db, { token, password: NEW_PASSWORD, now: new Date(T0.getTime() + 73 * HOUR) }),
    ).toEqual({ status: 'expired' });
    expect(await inspectPasswordToken(db, randomBytes(32).toString('base64url'), T0)).toEqual({ status: 'invalid' });
    expect(await inspectPasswordToken(db, 'not-a-token', T0)).toEqual({ status: 'invalid' });
    expect(await consumePasswordToken(db, { token: `${token}x`, password: NEW_PASSWORD, now: T0 })).toEqual({ status: 'invalid' });
  });

  it('invalidates earlier unused links when a new one is issued', async () => {
    const user = await insertUser('reissued@example.org');
    const first = await issuePasswordToken(db, { userId: user.id, purpose: 'invite', createdBy: adminId, now: T0 });
    const second = await issuePasswordToken(db, { userId: user.id, purpose: 'reset', createdBy: null, now: T0 });
    expect(await inspectPasswordToken(db, first.token, T0)).toEqual({ status: 'expired' });
    expect(await inspectPasswordToken(db, second.token, T0)).toMatchObject({ status: 'valid', purpose: 'reset' });
  });

  it('refuses a weak password without changing anything, and leaves the link usable', async () => {
    const user = await insertUser('weak@example.org');
    const { token } = await issuePasswordToken(db, { userId: user.id, purpose: 'invite', createdBy: adminId, now: T0 });
    expect(await consumePasswordToken(db, { token, password: 'weak@example', now: T0 })).toEqual({
      status: 'weak',
      problems: ['password.containsEmail'],
    });
    expect(await consumePasswordToken(db, { token, password: 'Password2020', now: T0 })).toEqual({
      status: 'weak',
      problems: ['password.common'],
    });
    const after = await userRow(user.id);
    expect(after.passwordHash).toBeNull();
    expect(after.sessionVersion).toBe(user.sessionVersion);
    expect(await audits('auth.password_set', user.id)).toHaveLength(0);
    expect(await inspectPasswordToken(db, token, T0)).toMatchObject({ status: 'valid' });
  });

  it('sets the password once: hash stored, sessions revoked, throttle cleared, link used, audited', async () => {
    const user = await insertUser('reset@example.org', { password: 'the old passphrase 1999' });
    // A locked-out user asks for a reset: the new password must work at once.
    for (let i = 0; i < 5; i++) await verifyCredentials(db, { email: user.email, password: 'wrong guess!!', ip: '10.9.0.1', now: T0 });
    expect(await throttleState(db, user.email, T0)).toMatchObject({ failures: 5 });

    const { token } = await issuePasswordToken(db, { userId: user.id, purpose: 'reset', createdBy: adminId, now: T0 });
    expect(await consumePasswordToken(db, { token, password: NEW_PASSWORD, now: T0 })).toEqual({ status: 'ok', userId: user.id });

    const after = await userRow(user.id);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(after.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await db.select().from(signInThrottles).where(eq(signInThrottles.email, user.email))).toHaveLength(0);
    const [tokenRow] = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id));
    expect(tokenRow?.usedAt).toEqual(T0);
    expect(await audits('auth.password_set', user.id)).toMatchObject([{ actorId: user.id, after: { purpose: 'reset' } }]);

    expect(await inspectPasswordToken(db, token, T0)).toEqual({ status: 'used' });
    expect(await consumePasswordToken(db, { token, password: 'another fine passphrase', now: T0 })).toEqual({ status: 'used' });
    const signIn = (password: string) => verifyCredentials(db, { email: user.email, password, ip: '10.9.0.2', now: T0 });
    expect(await signIn('the old passphrase 1999')).toEqual({ status: 'invalid' });
    expect(await signIn(NEW_PASSWORD)).toMatchObject({ status: 'ok', user: { sessionVersion: user.sessionVersion + 1 } });
  });

  it('lets exactly one of two parallel submissions of a link succeed', async () => {
    for (let round = 0; round < 3; round++) {
      const user = await insertUser(`race${round}@example.org`);
      const { token } = await issuePasswordToken(db, { userId: user.id, purpose: 'invite', createdBy: adminId, now: T0 });
      const results = await Promise.all([
        consumePasswordToken(db, { token, password: 'first parallel passphrase', now: T0 }),
        consumePasswordToken(db, { token, password: 'second parallel passphrase', now: T0 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['ok', 'used']);
      expect((await userRow(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
      expect(await audits('auth.password_set', user.id)).toHaveLength(1);
    }
  });

  it("refuses a disabled user's link", async () => {
    const user = await insertUser('gone@example.org', { status: 'disabled' });
    const { token } = await issuePasswordToken(db, { userId: user.id, purpose: 'invite', createdBy: adminId, now: T0 });
    expect(await inspectPasswordToken(db, token, T0)).toEqual({ status: 'invalid' });
    expect(await consumePasswordToken(db, { token, password: NEW_PASSWORD, now: T0 })).toEqual({ status: 'invalid' });
    expect((await userRow(user.id)).passwordHash).toBeNull();
  });
});
