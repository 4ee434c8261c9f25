import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import {
  changeRole,
  clearSignInLock,
  createUser,
  issueResetLink,
  listUsers,
  setStatus,
  signOutUserEverywhere,
} from '@/db/queries/users';
import { auditLog, passwordTokens, signInThrottles, users } from '@/db/schema';
import { parseUserCreateArgs, runUserCreate, type UserCreateIo } from '@/db/scripts/user-create-lib';
import { verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/policy';
import { createUserSchema, usersSearchParams } from '@/lib/validation/users';
import { createTestDatabase, driverUnderTest } from '../support/db';

let handle: DbHandle;
let db: Db;
let rootAdmin: string;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function userRow(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

async function auditRows(entityId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)) : eq(auditLog.entityId, entityId))
    .orderBy(auditLog.id);
}

/** A user inserted directly (test set-up), not through the function under test. */
async function insertUser(role: Role, opts: { status?: 'active' | 'disabled'; email?: string; passwordHash?: string } = {}) {
  const email = opts.email ?? `${role}-${randomUUID().slice(0, 8)}@test.org`;
  const [row] = await db
    .insert(users)
    .values({ email, name: `Test ${email}`, role, status: opts.status ?? 'active', passwordHash: opts.passwordHash ?? null })
    .returning();
  return row!;
}

/** Makes `ids` the only active admins (test set-up for the last-admin rule). */
async function onlyActiveAdmins(...ids: string[]) {
  await db.execute(sql`update users set status = 'disabled' where role = 'admin'`);
  for (const id of ids) await db.update(users).set({ status: 'active', role: 'admin' }).where(eq(users.id, id));
}

async function activeAdminCount() {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  return Number(row!.n);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  rootAdmin = (await insertUser('admin', { email: 'root@test.org' })).id;
});

afterAll(async () => {
  await handle?.close();
});

describe(`user administration on ${driverUnderTest}`, () => {
  describe('createUser', () => {
    it('creates a user without a password, with a hashed 72-hour invitation and an audit row', async () => {
      const now = new Date('2030-01-01T12:00:00Z');
      const result = await createUser(db, { email: ' New.Person@Example.ORG ', name: ' New Person ', role: 'staff', actorId: rootAdmin, now });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.user).toMatchObject({ email: 'new.person@example.org', name: 'New Person', role: 'staff', status: 'active' });
      expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(result.expiresAt.toISOString()).toBe('2030-01-04T12:00:00.000Z');

      const row = await userRow(result.user.id);
      expect(row.passwordHash).toBeNull();
      const tokens = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, result.user.id));
      expect(tokens).toHaveLength(1);
      expect(tokens[0]).toMatchObject({ purpose: 'invite', createdBy: rootAdmin, usedAt: null, tokenHash: sha256(result.token) });
      expect(tokens[0]!.tokenHash).not.toContain(result.token);

      const [audit] = await auditRows(result.user.id, 'user.create');
      expect(audit).toMatchObject({ actorId: rootAdmin, entityType: 'user' });
      expect(audit!.after).toEqual({ email: 'new.person@example.org', name: 'New Person', role: 'staff', status: 'active', passwordSet: false });
      const everything = JSON.stringify(await auditRows(result.user.id));
      expect(everything).not.toContain(result.token);
      expect(everything).not.toContain(sha256(result.token));
    });

    it('refuses a duplicate email, whatever its case, as a result and without side effects', async () => {
      const first = await createUser(db, { email: 'dup@test.org', name: 'Dup', role: 'committee', actorId: rootAdmin });
      expect(first.ok).toBe(true);
      const before = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
      for (const email of ['dup@test.org', 'DUP@Test.Org']) {
        const again = await createUser(db, { email, name: 'Dup again', role: 'admin', actorId: rootAdmin });
        expect(again).toEqual({ ok: false, error: 'duplicate_email' });
      }
      const rows = await db.select().from(users).where(sql`lower(${users.email}) = 'dup@test.org'`);
      expect(rows).toHaveLength(1);
      const after = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
      expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    });
  });

  describe('changeRole', () => {
    it('changes the role, bumps the session version and audits before/after', async () => {
      const user = await insertUser('committee');
      const result = await changeRole(db, { userId: user.id, role: 'staff', actorId: rootAdmin });
      expect(result).toMatchObject({ ok: true, changed: true, user: { role: 'staff', sessionVersion: user.sessionVersion + 1 } });
      expect((await userRow(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
      const audits = await auditRows(user.id, 'user.role_change');
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorId: rootAdmin, before: { role: 'committee' }, after: { role: 'staff' } });
    });

    it('changes nothing when the role is the same', async () => {
      const user = await insertUser('staff');
      const result = await changeRole(db, { userId: user.id, role: 'staff', actorId: rootAdmin });
      expect(result).toMatchObject({ ok: true, changed: false });
      expect((await userRow(user.id)).sessionVersion).toBe(user.sessionVersion);
      expect(await auditRows(user.id)).toHaveLength(0);
    });

    it('reports an unknown user', async () => {
      expect(await changeRole(db, { userId: randomUUID(), role: 'staff', actorId: rootAdmin })).toEqual({ ok: false, error: 'not_found' });
      expect(await setStatus(db, { userId: randomUUID(), status: 'disabled', actorId: rootAdmin })).toEqual({ ok: false, error: 'not_found' });
    });
  });

  describe('setStatus', () => {
    it('disables (ending sessions) and re-enables, each audited', async () => {
      const user = await insertUser('staff');
      const disabled = await setStatus(db, { userId: user.id, status: 'disabled', actorId: rootAdmin });
      expect(disabled).toMatchObject({ ok: true, changed: true, user: { status: 'disabled', sessionVersion: user.sessionVersion + 1 } });
      const again = await setStatus(db, { userId: user.id, status: 'disabled', actorId: rootAdmin });
      expect(again).toMatchObject({ ok: true, changed: false });
      const enabled = await setStatus(db, { userId: user.id, status: 'active', actorId: rootAdmin });
      expect(enabled).toMatchObject({ ok: true, changed: true, user: { status: 'active', sessionVersion: user.sessionVersion + 1 } });
      const audits = await auditRows(user.id);
      expect(audits.map((a) => a.action)).toEqual(['user.disable', 'user.enable']);
      expect(audits[0]).toMatchObject({ actorId: rootAdmin, before: { status: 'active' }, after: { status: 'disabled' } });
    });
  });

  describe('rules', () => {
    it('an admin can neither demote nor disable themselves', async () => {
      const other = await insertUser('admin'); // so that the last-admin rule is not what refuses
      const me = await insertUser('admin');
      for (const role of ['staff', 'committee'] as const) {
        expect(await changeRole(db, { userId: me.id, role, actorId: me.id })).toEqual({ ok: false, error: 'self_change' });
      }
      expect(await setStatus(db, { userId: me.id, status: 'disabled', actorId: me.id })).toEqual({ ok: false, error: 'self_change' });
      const row = await userRow(me.id);
      expect(row).toMatchObject({ role: 'admin', status: 'active', sessionVersion: me.sessionVersion });
      expect(await auditRows(me.id)).toHaveLength(0);
      // Another admin may.
      expect(await changeRole(db, { userId: me.id, role: 'staff', actorId: other.id })).toMatchObject({ ok: true, changed: true });
    });

    it('the last active admin can be neither demoted nor disabled, by anyone', async () => {
      const a = await insertUser('admin');
      const b = await insertUser('admin');
      await onlyActiveAdmins(a.id, b.id);
      expect(await setStatus(db, { userId: b.id, status: 'disabled', actorId: a.id })).toMatchObject({ ok: true });
      expect(await activeAdminCount()).toBe(1);
      // b is disabled but still an admin: it counts for nothing. The command line (no actor) is bound too.
      for (const actorId of [b.id, null]) {
        expect(await changeRole(db, { userId: a.id, role: 'staff', actorId })).toEqual({ ok: false, error: 'last_admin' });
        expect(await setStatus(db, { userId: a.id, status: 'disabled', actorId })).toEqual({ ok: false, error: 'last_admin' });
      }
      // A disabled admin may be demoted; re-enabling b makes a removable again.
      expect(await changeRole(db, { userId: b.id, role: 'committee', actorId: a.id })).toMatchObject({ ok: true });
      expect(await changeRole(db, { userId: b.id, role: 'admin', actorId: a.id })).toMatchObject({ ok: true });
      expect(await setStatus(db, { userId: b.id, status: 'active', actorId: a.id })).toMatchObject({ ok: true });
      expect(await changeRole(db, { userId: a.id, role: 'staff', actorId: b.id })).toMatchObject({ ok: true, changed: true });
      expect(await activeAdminCount()).toBe(1);
    });

    it.each([
      ['demote each other', (x: string, y: string) => changeRole(db, { userId: y, role: 'staff', actorId: x })],
      ['disable each other', (x: string, y: string) => setStatus(db, { userId: y, status: 'disabled', actorId: x })],
    ])('two admins who %s at the same moment leave one admin', async (_name, act) => {
      for (let round = 0; round < 5; round++) {
        const a = await insertUser('admin');
        const b = await insertUser('admin');
        await onlyActiveAdmins(a.id, b.id);
        const results = await Promise.all([act(a.id, b.id), act(b.id, a.id)]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'last_admin' }]);
        expect(await activeAdminCount()).toBe(1);
      }
    });

    it('a demotion racing a disable of the other admin still leaves one admin', async () => {
      for (let round = 0; round < 5; round++) {
        const a = await insertUser('admin');
        const b = await insertUser('admin');
        await onlyActiveAdmins(a.id, b.id);
        await Promise.all([
          changeRole(db, { userId: b.id, role: 'committee', actorId: a.id }),
          setStatus(db, { userId: a.id, status: 'disabled', actorId: b.id }),
        ]);
        expect(await activeAdminCount()).toBe(1);
      }
    });
  });

  describe('issueResetLink', () => {
    it('issues a reset link for a user with a password, superseding earlier links, audited without the token', async () => {
      const user = await insertUser('staff', { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo' });
      const first = await issueResetLink(db, { userId: user.id, actorId: rootAdmin });
      const second = await issueResetLink(db, { userId: user.id, actorId: rootAdmin });
      expect(first).toMatchObject({ ok: true, purpose: 'reset' });
      expect(second).toMatchObject({ ok: true, purpose: 'reset' });
      if (!first.ok || !second.ok) return;
      const tokens = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id)).orderBy(passwordTokens.id);
      expect(tokens.map((t) => t.tokenHash)).toEqual([sha256(first.token), sha256(second.token)]);
      expect(tokens[0]!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(tokens[1]!.expiresAt.getTime()).toBe(second.expiresAt.getTime());
      // The current password keeps working until the link is used.
      expect((await userRow(user.id)).passwordHash).toBe(user.passwordHash);
      const audits = await auditRows(user.id, 'user.reset_link');
      expect(audits).toHaveLength(2);
      expect(audits[0]).toMatchObject({ actorId: rootAdmin, after: { purpose: 'reset' } });
      const everything = JSON.stringify(await auditRows(user.id));
      for (const token of [first.token, second.token]) expect(everything).not.toContain(token);
      expect(everything).not.toContain('$argon2');
    });

    it('re-invites a user who never set a password, refuses a disabled user and an unknown one', async () => {
      const invited = await insertUser('committee');
      expect(await issueResetLink(db, { userId: invited.id, actorId: rootAdmin })).toMatchObject({ ok: true, purpose: 'invite' });
      const disabled = await insertUser('staff', { status: 'disabled' });
      expect(await issueResetLink(db, { userId: disabled.id, actorId: rootAdmin })).toEqual({ ok: false, error: 'user_disabled' });
      expect(await issueResetLink(db, { userId: randomUUID(), actorId: rootAdmin })).toEqual({ ok: false, error: 'not_found' });
    });
  });

  describe('signOutUserEverywhere', () => {
    it('bumps the session version and audits it', async () => {
      const user = await insertUser('committee');
      const result = await signOutUserEverywhere(db, { userId: user.id, actorId: rootAdmin });
      expect(result).toMatchObject({ ok: true, user: { sessionVersion: user.sessionVersion + 1 } });
      expect((await userRow(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
      const audits = await auditRows(user.id, 'auth.sign_out_everywhere');
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorId: rootAdmin });
      expect(await signOutUserEverywhere(db, { userId: randomUUID(), actorId: rootAdmin })).toEqual({ ok: false, error: 'not_found' });
    });
  });

  describe('clearSignInLock and listUsers', () => {
    it('shows a locked-out user as locked until an admin clears it (audited)', async () => {
      const user = await insertUser('staff', { email: 'Locked.Out@Test.org' });
      const until = new Date(Date.now() + 10 * 60_000);
      await db.insert(signInThrottles).values({ email: 'locked.out@test.org', failures: 6, lockedUntil: until });
      const listed = (await listUsers(db, { search: 'locked.out' })).find((u) => u.id === user.id);
      expect(listed?.lockedUntil?.getTime()).toBe(until.getTime());

      expect(await clearSignInLock(db, { userId: user.id, actorId: rootAdmin })).toMatchObject({ ok: true, cleared: true });
      expect((await listUsers(db, { search: 'locked.out' }))[0]?.lockedUntil).toBeNull();
      const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'auth.throttle_cleared'));
      expect(audits.some((a) => a.entityId === 'locked.out@test.org' && a.actorId === rootAdmin)).toBe(true);
      expect(await clearSignInLock(db, { userId: user.id, actorId: rootAdmin })).toMatchObject({ ok: true, cleared: false });
      expect(await clearSignInLock(db, { userId: randomUUID(), actorId: rootAdmin })).toEqual({ ok: false, error: 'not_found' });
    });

    it('an expired lock is not shown', async () => {
      const user = await insertUser('staff');
      await db.insert(signInThrottles).values({ email: user.email, failures: 5, lockedUntil: new Date(Date.now() - 1000) });
      expect((await listUsers(db)).find((u) => u.id === user.id)?.lockedUntil).toBeNull();
    });

    it('searches name and email case-insensitively, with % and _ taken literally', async () => {
      await insertUser('committee', { email: 'zhang.wei@cities.example' });
      await db.update(users).set({ name: 'Zhang Wei 100%' }).where(eq(users.email, 'zhang.wei@cities.example'));
      expect((await listUsers(db, { search: 'ZHANG' })).map((u) => u.email)).toEqual(['zhang.wei@cities.example']);
      expect((await listUsers(db, { search: 'cities.EXAMPLE' })).map((u) => u.email)).toEqual(['zhang.wei@cities.example']);
      expect((await listUsers(db, { search: '100%' })).map((u) => u.email)).toEqual(['zhang.wei@cities.example']);
      expect(await listUsers(db, { search: '%' })).toHaveLength(1);
      expect(await listUsers(db, { search: 'w_i' })).toHaveLength(0);
      expect(await listUsers(db, { search: 'nobody-like-this' })).toEqual([]);
    });

    it('sorts by each column in both directions, never-signed-in users counted oldest', async () => {
      const signedIn = await insertUser('staff', { email: 'aaa-signed-in@test.org' });
      await db.update(users).set({ lastSignInAt: new Date('2030-06-01T00:00:00Z'), totpEnabledAt: new Date() }).where(eq(users.id, signedIn.id));
      const byEmail = await listUsers(db, { sort: 'email', dir: 'asc' });
      const emails = byEmail.map((u) => u.email);
      // The database's collation decides punctuation; letters and case are what matter here.
      expect(emails.indexOf('aaa-signed-in@test.org')).toBeLessThan(emails.indexOf('Locked.Out@Test.org'));
      expect(emails.indexOf('Locked.Out@Test.org')).toBeLessThan(emails.indexOf('zhang.wei@cities.example'));
      expect((await listUsers(db, { sort: 'email', dir: 'desc' })).map((u) => u.email)).toEqual([...emails].reverse());
      const newestFirst = await listUsers(db, { sort: 'lastSignIn', dir: 'desc' });
      expect(newestFirst[0]).toMatchObject({ id: signedIn.id, totpEnabled: true });
      expect(newestFirst.at(-1)?.lastSignInAt).toBeNull();
      expect((await listUsers(db, { sort: 'lastSignIn', dir: 'asc' })).at(-1)?.id).toBe(signedIn.id);
      const byRole = (await listUsers(db, { sort: 'role' })).map((u) => u.role);
      expect(byRole).toEqual([...byRole].sort((x, y) => ['admin', 'staff', 'committee'].indexOf(x) - ['admin', 'staff', 'committee'].indexOf(y)));
      for (const sort of ['name', 'status'] as const) {
        expect(await listUsers(db, { sort, dir: 'desc' })).toHaveLength(byEmail.length);
      }
    });
  });

  describe('user:create', () => {
    const io = (passwords: string[] = []) => {
      const out: string[] = [];
      const err: string[] = [];
      const prompts: string[] = [];
      const value: UserCreateIo = {
        readPassword: async (prompt) => {
          prompts.push(prompt);
          const next = passwords.shift();
          if (next === undefined) throw new Error('no more passwords');
          return next;
        },
        log: (line) => out.push(line),
        error: (line) => err.push(line),
      };
      return { value, out, err, prompts };
    };

    it('creates the user and prints a set-password link on the base URL', async () => {
      const parsed = parseUserCreateArgs(['--email', 'First.Admin@UN.org', '--name', 'First Admin', '--role', 'admin', '--base-url', 'https://me.example.org/']);
      expect(parsed.kind).toBe('run');
      if (parsed.kind !== 'run') return;
      const { value, out, prompts } = io();
      expect(await runUserCreate(db, parsed.options, value)).toBe(0);
      expect(prompts).toEqual([]);
      const link = out.find((l) => l.includes('/set-password/'))!.trim();
      expect(link).toMatch(/^https:\/\/me\.example\.org\/set-password\/[A-Za-z0-9_-]{43}$/);
      const [row] = await db.select().from(users).where(eq(users.email, 'first.admin@un.org'));
      expect(row).toMatchObject({ role: 'admin', status: 'active', passwordHash: null });
      const [token] = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, row!.id));
      expect(token).toMatchObject({ purpose: 'invite', createdBy: null, tokenHash: sha256(link.split('/').at(-1)!) });
      expect(await auditRows(row!.id, 'user.create')).toMatchObject([{ actorId: null }]);
      // Twice: refused, exit code 1.
      const second = io();
      expect(await runUserCreate(db, parsed.options, second.value)).toBe(1);
      expect(second.err.join('\n')).toMatch(/already exists/);
    });

    it('with --password-prompt, refuses weak and mismatched passwords, then sets a good one (no link)', async () => {
      const parsed = parseUserCreateArgs(['--email', 'typed@test.org', '--name', 'Typed', '--role', 'staff', '--password-prompt']);
      if (parsed.kind !== 'run') throw new Error('expected run');
      const good = 'correct horse battery staple lantern';
      const { value, out, err } = io(['short', good, 'not the same', good, good]);
      expect(await runUserCreate(db, parsed.options, value)).toBe(0);
      expect(err.join('\n')).toMatch(/at least 12 characters/);
      expect(err.join('\n')).toMatch(/do not match/);
      expect(out.join('\n')).not.toContain('/set-password/');
      expect(out.join('\n')).not.toContain(good);
      const [row] = await db.select().from(users).where(eq(users.email, 'typed@test.org'));
      expect(await verifyPassword(row!.passwordHash!, good)).toBe(true);
      expect(await db.select().from(passwordTokens).where(eq(passwordTokens.userId, row!.id))).toEqual([]);
      const [audit] = await auditRows(row!.id, 'user.create');
      expect(audit!.after).toMatchObject({ passwordSet: true });
      expect(JSON.stringify(audit)).not.toContain('$argon2');
    });

    it('with --password-prompt, asks nothing for an existing email and gives up after three bad passwords', async () => {
      const dup = parseUserCreateArgs(['--email', 'TYPED@test.org', '--name', 'Again', '--role', 'staff', '--password-prompt']);
      if (dup.kind !== 'run') throw new Error('expected run');
      const first = io(['whatever']);
      expect(await runUserCreate(db, dup.options, first.value)).toBe(1);
      expect(first.prompts).toEqual([]);
      const weak = parseUserCreateArgs(['--email', 'weak@test.org', '--name', 'Weak', '--role', 'staff', '--password-prompt']);
      if (weak.kind !== 'run') throw new Error('expected run');
      const second = io(['password1234', 'weak@test.org', 'aaaaaaaaaaaaaaaa']);
      expect(await runUserCreate(db, weak.options, second.value)).toBe(1);
      expect(await db.select().from(users).where(eq(users.email, 'weak@test.org'))).toEqual([]);
    });
  });
});

describe('user:create argument parsing', () => {
  it('accepts the documented options, normalising the email and the base URL', () => {
    expect(parseUserCreateArgs(['--email', ' A@B.org ', '--name', 'Ann', '--role', 'admin'])).toEqual({
      kind: 'run',
      options: { email: 'a@b.org', name: 'Ann', role: 'admin', passwordPrompt: false, baseUrl: 'http://localhost:3000' },
    });
    const fromEnv = parseUserCreateArgs(['--email=a@b.org', '--name=Ann', '--role=staff', '--password-prompt'], { APP_URL: 'https://me.un.org/' });
    expect(fromEnv).toMatchObject({ kind: 'run', options: { role: 'staff', passwordPrompt: true, baseUrl: 'https://me.un.org' } });
    const flagWins = parseUserCreateArgs(['--email', 'a@b.org', '--name', 'A', '--role', 'staff', '--base-url', 'http://x.org'], { APP_URL: 'https://y.org' });
    expect(flagWins).toMatchObject({ options: { baseUrl: 'http://x.org' } });
    expect(parseUserCreateArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('explains what is wrong instead of throwing', () => {
    const missing = parseUserCreateArgs([]);
    expect(missing).toEqual({ kind: 'error', errors: ['--email is required.', '--name is required.', '--role is required.'] });
    const bad = parseUserCreateArgs(['--email', 'nope', '--name', 'x'.repeat(121), '--role', 'root', '--base-url', 'ftp://x']);
    expect(bad.kind).toBe('error');
    if (bad.kind !== 'error') return;
    expect(bad.errors).toEqual([
      expect.stringMatching(/^--email: Enter a valid email address/),
      expect.stringMatching(/^--name: Use at most 120 characters/),
      '--role: Choose a role.',
      expect.stringMatching(/--base-url/),
    ]);
    expect(parseUserCreateArgs(['--email', 'a@b.org', '--name', 'A', '--role', 'admin', '--password', 'x'])).toMatchObject({ kind: 'error' });
    expect(parseUserCreateArgs(['--email', 'a@b.org', '--name', 'A', '--role', 'admin', 'extra'])).toMatchObject({ kind: 'error' });
  });
});

describe('form validation', () => {
  it('trims and lower-cases emails, bounds names, knows only the policy roles', () => {
    expect(createUserSchema.parse({ email: ' X@Y.Org ', name: ' X ', role: 'committee' })).toEqual({ email: 'x@y.org', name: 'X', role: 'committee' });
    const errors = createUserSchema.safeParse({ email: null, name: '  ', role: 'owner' }).error?.issues.map((i) => i.message);
    expect(errors).toEqual(['admin.validation.emailRequired', 'admin.validation.nameRequired', 'admin.validation.roleInvalid']);
  });

  it('falls back to defaults for malformed search parameters', () => {
    expect(usersSearchParams.parse({ q: ['ann', 'bob'], sort: 'password', dir: 'sideways' })).toEqual({ q: 'ann', sort: undefined, dir: undefined });
  });
});
