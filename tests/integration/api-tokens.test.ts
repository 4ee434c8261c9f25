import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as listPlans } from '@/app/api/v1/plans/route';
import { POST as createUpdate } from '@/app/api/v1/plans/[year]/updates/route';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { authenticateApiToken, hashApiToken, issueApiToken, listOwnApiTokens, revokeApiToken } from '@/db/queries/auth/api-tokens';
import { parseTokenCreateArgs, runTokenCreate } from '@/db/scripts/token-create-lib';
import { apiTokens, auditLog, progressUpdates, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { newApiTokenSchema } from '@/lib/validation/api-tokens';
import { callApi, tokenFor, userIdOf } from '../support/api';
import { createTestDatabase } from '../support/db';

// A created update expires the cached views (revalidateTag): outside Next, the tags are recorded instead.
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  useDatabaseHandle(handle);
  await seedDemo(db);
});

afterAll(async () => {
  await closeDb();
});

const plans = (token?: string) => callApi(listPlans, '/api/v1/plans', { token });

describe('personal access tokens', () => {
  it('are shown once and stored only as a SHA-256 hash; making one is audited without the token', async () => {
    const staff = await userIdOf(db, 'staff@demo.local');
    const result = await issueApiToken(db, { userId: staff, name: 'Power BI', scope: 'read', days: 90, actorId: staff });
    if (!result.ok) throw new Error(result.reason);
    expect(result.token).toMatch(/^srm_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, result.row.id));
    expect(row!.tokenHash).toBe(hashApiToken(result.token));
    const stored = JSON.stringify(await db.select().from(apiTokens));
    expect(stored).not.toContain(result.token);
    expect(stored).not.toContain(result.token.slice(12));
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, result.row.id));
    expect(audit.map((a) => a.action)).toEqual(['api_token.create']);
    expect(JSON.stringify(audit)).not.toContain(result.token.slice(12));
    // Lists never carry the hash.
    const own = await listOwnApiTokens(db, staff);
    expect(own.find((t) => t.id === result.row.id)).not.toHaveProperty('tokenHash');
    expect((await plans(result.token)).status).toBe(200);
  });

  it('expire at most a year after they are made', () => {
    expect(newApiTokenSchema.safeParse({ name: 'x', scope: 'read', days: 365 }).success).toBe(true);
    expect(newApiTokenSchema.safeParse({ name: 'x', scope: 'read', days: 366 }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: 'x', scope: 'read', days: 0 }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: '', scope: 'read', days: 5 }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: 'x', scope: 'admin', days: 5 }).success).toBe(false);
  });

  it('record their last use', async () => {
    const token = await tokenFor(db, 'committee@demo.local');
    const [before] = await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(token)));
    expect(before!.at).toBeNull();
    expect((await plans(token)).status).toBe(200);
    const [after] = await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(token)));
    expect(after!.at).toBeInstanceOf(Date);
  });

  it('stop working on the next request once revoked (by the owner or an admin), and the revocation is audited', async () => {
    const owner = await userIdOf(db, 'staff@demo.local');
    const admin = await userIdOf(db, 'admin@demo.local');
    const token = await tokenFor(db, 'staff@demo.local');
    expect((await plans(token)).status).toBe(200);
    const id = (await authenticateApiToken(db, token)).ok ? (await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(token))))[0]!.id : '';
    // Someone else's token cannot be revoked from their account page.
    expect((await revokeApiToken(db, { tokenId: id, actorId: admin, ownerId: admin })).ok).toBe(false);
    expect((await plans(token)).status).toBe(200);
    expect((await revokeApiToken(db, { tokenId: id, actorId: owner, ownerId: owner })).ok).toBe(true);
    const refused = await plans(token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await refused.json()).type).toBe('urn:srm:problem:invalid-token');
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['api_token.create', 'api_token.revoke']);

    const other = await tokenFor(db, 'staff@demo.local');
    const [otherRow] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(other)));
    expect((await revokeApiToken(db, { tokenId: otherRow!.id, actorId: admin, ownerId: null })).ok).toBe(true);
    expect((await plans(other)).status).toBe(401);
  });

  it('stop working once expired', async () => {
    const token = await tokenFor(db, 'staff@demo.local', 'read', 1);
    expect((await authenticateApiToken(db, token, new Date(Date.now() + 86_400_000 + 1000))).ok).toBe(false);
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.tokenHash, hashApiToken(token)));
    expect((await plans(token)).status).toBe(401);
  });

  it('stop working when the user is disabled, and when the user loses the role', async () => {
    const token = await tokenFor(db, 'beijing.officer@demo.local', 'write');
    expect((await plans(token)).status).toBe(200);
    await db.update(users).set({ status: 'disabled' }).where(eq(users.email, 'beijing.officer@demo.local'));
    expect((await plans(token)).status).toBe(401);
    await db.update(users).set({ status: 'active' }).where(eq(users.email, 'beijing.officer@demo.local'));
    expect((await plans(token)).status).toBe(200);
    await db.update(users).set({ role: 'committee' }).where(eq(users.email, 'beijing.officer@demo.local'));
    expect((await plans(token)).status).toBe(401);
    // Given the role back, the token is still refused only if the role differs from the one it was made under.
    await db.update(users).set({ role: 'staff' }).where(eq(users.email, 'beijing.officer@demo.local'));
    expect((await plans(token)).status).toBe(200);
  });

  it('are refused when malformed, unknown, or sent other than as a bearer token', async () => {
    const token = await tokenFor(db, 'staff@demo.local');
    expect((await plans('srm_' + 'A'.repeat(43))).status).toBe(401);
    expect((await plans('nonsense')).status).toBe(401);
    const basic = await callApi(listPlans, '/api/v1/plans', { headers: { authorization: `Basic ${token}` } });
    expect(basic.status).toBe(401);
    // In the URL it is nothing: without a session, the request is unauthenticated.
    const inUrl = await callApi(listPlans, `/api/v1/plans?access_token=${token}`);
    expect(inUrl.status).toBe(401);
    expect((await inUrl.json()).type).toBe('urn:srm:problem:unauthenticated');
  });

  it('act with at most their scope: a read token cannot write; a committee member cannot have a write token', async () => {
    const read = await tokenFor(db, 'staff@demo.local', 'read');
    const before = await db.$count(progressUpdates);
    const refused = await callApi(createUpdate, '/api/v1/plans/2020/updates', {
      token: read,
      method: 'POST',
      params: { year: '2020' },
      headers: { 'content-type': 'application/json', 'idempotency-key': 'scope-test-0001' },
      body: JSON.stringify({ indicator: 'G1.1', period: '2020-Q4', value: 1 }),
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).type).toBe('urn:srm:problem:forbidden');
    const committee = await userIdOf(db, 'committee@demo.local');
    expect(await issueApiToken(db, { userId: committee, name: 'x', scope: 'write', days: 5, actorId: committee })).toEqual({ ok: false, reason: 'scope_not_allowed' });
    expect(await db.$count(progressUpdates)).toBe(before);
  });
});

describe('npm run token:create', () => {
  it('checks its arguments', () => {
    expect(parseTokenCreateArgs(['--email', 'a@b.org', '--scope', 'write', '--days', '30'])).toMatchObject({ kind: 'ok', scope: 'write', days: 30 });
    expect(parseTokenCreateArgs(['--email', 'a@b.org', '--scope', 'write', '--days', '400'])).toMatchObject({ kind: 'error' });
    expect(parseTokenCreateArgs(['--scope', 'read', '--days', '3'])).toMatchObject({ kind: 'error' });
    expect(parseTokenCreateArgs(['--email', 'a@b.org', '--scope', 'all', '--days', '3'])).toMatchObject({ kind: 'error' });
  });

  it('prints a working token once, alone on standard output', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const args = parseTokenCreateArgs(['--email', 'STAFF@demo.local', '--scope', 'read', '--days', '7', '--name', 'nightly']);
    if (args.kind !== 'ok') throw new Error('parse');
    expect(await runTokenCreate(db, args, { out: (l) => out.push(l), error: (l) => err.push(l) })).toBe(0);
    expect(out).toHaveLength(1);
    expect(err.join('\n')).not.toContain(out[0]);
    expect((await plans(out[0])).status).toBe(200);
    const committee = parseTokenCreateArgs(['--email', 'committee@demo.local', '--scope', 'write', '--days', '7']);
    if (committee.kind !== 'ok') throw new Error('parse');
    expect(await runTokenCreate(db, committee, { out: (l) => out.push(l), error: (l) => err.push(l) })).toBe(1);
    expect(out).toHaveLength(1);
  });
});
