import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { changeOwnPassword, signOutEverywhere } from '@/db/queries/auth/account';
import { throttleState, verifyCredentials } from '@/db/queries/auth/credentials';
import { revokeSession } from '@/db/queries/auth/revoked-sessions';
import { sessionUserRow } from '@/db/queries/auth/session-user';
import { auditLog, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../support/db';

// A signed-in user's own account: change of password (proven by the current one) and sign out everywhere.

const CURRENT = 'silk road caravan 1877';
const NEXT = 'a new and longer passphrase for 2021';
const T0 = new Date('2030-07-01T12:00:00Z');

let handle: DbHandle;
let db: Db;

async function insertUser(email: string) {
  const [user] = await db
    .insert(users)
    .values({ email, name: email, role: 'staff', passwordHash: await hashPassword(CURRENT) })
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
});

afterAll(async () => {
  await handle?.close();
});

describe('changeOwnPassword', () => {
  it('needs the right current password and changes nothing otherwise', async () => {
    const user = await insertUser('wrong@example.org');
    const result = await changeOwnPassword(db, { userId: user.id, currentPassword: 'not my password', newPassword: NEXT, ip: '10.7.0.9', now: T0 });
    expect(result).toEqual({ status: 'wrong_current' });
    const after = await userRow(user.id);
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.sessionVersion).toBe(user.sessionVersion);
    expect(await audits('auth.password_change_failed', user.id)).toMatchObject([{ actorId: user.id }]);
    expect(await audits('auth.password_changed', user.id)).toHaveLength(0);
  });

  it('refuses a weak new password without changing anything', async () => {
    const user = await insertUser('weakling@example.org');
    const result = await changeOwnPassword(db, { userId: user.id, currentPassword: CURRENT, newPassword: 'kq7-vz', ip: '10.7.0.9', now: T0 });
    expect(result).toEqual({ status: 'weak', problems: ['password.tooShort'] });
    expect(
      await changeOwnPassword(db, { userId: user.id, currentPassword: CURRENT, newPassword: 'weakling-strong-pass', ip: '10.7.0.9', now: T0 }),
    ).toEqual({ status: 'weak', problems: ['password.containsEmail'] });
    const after = await userRow(user.id);
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.sessionVersion).toBe(user.sessionVersion);
  });

  it('changes the password, revokes other sessions and audits', async () => {
    const user = await insertUser('changer@example.org');
    const result = await changeOwnPassword(db, { userId: user.id, currentPassword: CURRENT, newPassword: NEXT, ip: '10.7.0.9', now: T0 });
    expect(result).toEqual({ status: 'ok', sessionVersion: user.sessionVersion + 1 });
    const after = await userRow(user.id);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash!, NEXT)).toBe(true);
    expect(await audits('auth.password_changed', user.id)).toMatchObject([{ actorId: user.id }]);

    const signIn = (password: string) => verifyCredentials(db, { email: user.email, password, ip: '10.7.0.1', now: T0 });
    expect(await signIn(CURRENT)).toEqual({ status: 'invalid' });
    expect(await signIn(NEXT)).toMatchObject({ status: 'ok', user: { sessionVersion: user.sessionVersion + 1 } });
  });

  it("shares the account's sign-in throttle, so a stolen session cannot guess the password", async () => {
    const user = await insertUser('guessed@example.org');
    for (let i = 0; i < 5; i++) {
      const result = await changeOwnPassword(db, { userId: user.id, currentPassword: `guess ${i}`, newPassword: NEXT, ip: '10.7.0.9', now: T0 });
      expect(result).toEqual({ status: 'wrong_current' });
    }
    // Locked now, even with the right current password; and sign-in from the same address is locked too.
    expect(await changeOwnPassword(db, { userId: user.id, currentPassword: CURRENT, newPassword: NEXT, ip: '10.7.0.9', now: T0 })).toMatchObject({
      status: 'locked',
    });
    expect(await verifyCredentials(db, { email: user.email, password: CURRENT, ip: '10.7.0.9', now: T0 })).toMatchObject({
      status: 'locked',
    });
    expect((await userRow(user.id)).passwordHash).toBe(user.passwordHash);
    // Once the lock is over, the right current password works and clears the failures.
    const later = new Date(T0.getTime() + 16 * 60_000);
    expect(await changeOwnPassword(db, { userId: user.id, currentPassword: CURRENT, newPassword: NEXT, ip: '10.7.0.9', now: later })).toMatchObject({
      status: 'ok',
    });
    expect(await throttleState(db, user.email, later)).toBeNull();
  });
});

describe('signOutEverywhere', () => {
  it('bumps the session version and audits who did it', async () => {
    const user = await insertUser('everywhere@example.org');
    const admin = await insertUser('an-admin@example.org');
    expect(await signOutEverywhere(db, { userId: user.id, actorId: user.id })).toEqual({ sessionVersion: user.sessionVersion + 1 });
    expect(await signOutEverywhere(db, { userId: user.id, actorId: admin.id })).toEqual({ sessionVersion: user.sessionVersion + 2 });
    expect((await userRow(user.id)).sessionVersion).toBe(user.sessionVersion + 2);
    const rows = await audits('auth.sign_out_everywhere', user.id);
    expect(rows.map((r) => r.actorId).sort()).toEqual([user.id, admin.id].sort());
  });

  it('returns null for an unknown user', async () => {
    expect(await signOutEverywhere(db, { userId: '00000000-0000-4000-8000-000000000000', actorId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
  });
});

describe('sessionUserRow (the row every signed-in request checks its session against)', () => {
  it('reads the user and whether this session was signed out, with or without a session id', async () => {
    const user = await insertUser('session-row@example.org');
    const sid = crypto.randomUUID();
    expect(await sessionUserRow(db, user.id, sid)).toMatchObject({ id: user.id, email: user.email, role: 'staff', status: 'active', revoked: false });
    expect(await sessionUserRow(db, user.id, null)).toMatchObject({ id: user.id, revoked: false });
    await revokeSession(db, { sid, userId: user.id, now: T0 });
    // The same prepared statement, run again: the signed-out session is seen at once; another one is not.
    expect(await sessionUserRow(db, user.id, sid)).toMatchObject({ id: user.id, revoked: true });
    expect(await sessionUserRow(db, user.id, crypto.randomUUID())).toMatchObject({ revoked: false });
    await signOutEverywhere(db, { userId: user.id, actorId: user.id });
    expect((await sessionUserRow(db, user.id, null))?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await sessionUserRow(db, '00000000-0000-4000-8000-000000000000', sid)).toBeUndefined();
  });
});
