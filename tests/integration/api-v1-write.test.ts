import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getPlans } from '@/app/api/v1/plans/route';
import { POST as postUpdate } from '@/app/api/v1/plans/[year]/updates/route';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { findPlan } from '@/db/queries/plans';
import { lockPeriod } from '@/db/queries/updates/locks';
import { auditLog, indicators, progressUpdates } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { resetApiLimiters } from '@/data/api/rate-limit';
import { requestContext } from '@/lib/observability/request-context';
import { request } from '../support/action-request';
import { callApi, tokenFor } from '../support/api';
import { createTestDatabase } from '../support/db';

// A created update expires the cached views (revalidateTag): outside Next, the tags are recorded instead.
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);

let handle: DbHandle;
let db: Db;
let staffWrite: string;
let adminWrite: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  useDatabaseHandle(handle);
  await seedDemo(db);
  staffWrite = await tokenFor(db, 'staff@demo.local', 'write');
  adminWrite = await tokenFor(db, 'admin@demo.local', 'write');
});

afterAll(async () => {
  await closeDb();
});

const post = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  callApi(postUpdate, '/api/v1/plans/2020/updates', {
    token,
    method: 'POST',
    params: { year: '2020' },
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const count = () => db.$count(progressUpdates);
const good = { indicator: 'G3.4', period: '2020-Q4', value: 12500, note: 'From a partner system', evidenceUrl: 'https://example.org/letter.pdf' };

describe('POST /api/v1/plans/{year}/updates', () => {
  it('creates a submitted update through the form’s function, with its audit row', async () => {
    const before = await count();
    request.revalidated.length = 0;
    const response = await post(staffWrite, good, { 'idempotency-key': 'partner-sys-0001' });
    expect(response.status).toBe(201);
    // The views that count it are expired at once (a route handler cannot use updateTag).
    expect(request.revalidated.filter((r) => r.startsWith('tag:'))).toEqual(['tag:view:progress', 'tag:view:progress:G3.4']);
    const body = await response.json();
    expect(body).toMatchObject({ indicator: 'G3.4', status: 'submitted', value: { value: 12500, unit: 'USD' }, evidence: { url: good.evidenceUrl } });
    expect(await count()).toBe(before + 1);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'progress_update'), eq(auditLog.entityId, String(body.id))));
    expect(audit.map((a) => a.action)).toEqual(['progress.create']);
  });

  it('creates nothing new when retried with the same Idempotency-Key; another user’s same key is their own', async () => {
    const first = await post(staffWrite, { ...good, value: 777, confirmPlausibility: true }, { 'idempotency-key': 'retry-me-123' });
    if (first.status !== 201) throw new Error(await first.text());
    const before = await count();
    const again = await post(staffWrite, { ...good, value: 777, confirmPlausibility: true }, { 'idempotency-key': 'retry-me-123' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).id).toBe((await first.json()).id);
    expect(await count()).toBe(before);
    const other = await post(adminWrite, { ...good, value: 777, confirmPlausibility: true }, { 'idempotency-key': 'retry-me-123' });
    expect(other.status).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const plan = (await findPlan(db, 2020))!;
    const [g34] = await db.select().from(indicators).where(and(eq(indicators.planId, plan.id), eq(indicators.code, 'G3.4')));
    expect((await lockPeriod(db, { planId: plan.id, indicatorId: g34!.id, periodStart: '2020-07-01', periodEnd: '2020-09-30', actorId: null })).ok).toBe(true);
    const before = await count();
    const cases: [unknown, Record<string, string>, number, string][] = [
      [{ ...good, value: -5 }, {}, 422, 'value'],
      [{ ...good, value: 'lots' }, {}, 400, 'value'],
      [{ ...good, indicator: 'G1.1' }, {}, 422, 'indicator'],
      [{ ...good, period: '2020-Q3' }, {}, 422, 'period'],
      [{ ...good, period: '2031-Q1' }, {}, 422, 'period'],
      [{ ...good, evidenceUrl: 'javascript:alert(1)' }, {}, 422, 'evidenceUrl'],
      [{ ...good, colour: 'red' }, {}, 400, ''],
      ['{"indicator":', {}, 400, 'body'],
      [good, { 'idempotency-key': '' }, 400, 'Idempotency-Key'],
    ];
    for (const [i, [body, headers, status, field]] of cases.entries()) {
      const response = await post(staffWrite, body, { 'idempotency-key': `bad-input-${i}-key`, ...headers });
      expect([i, response.status]).toEqual([i, status]);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = await response.json();
      if (field) expect(Object.keys(problem.errors ?? {})).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('answers 415 to a body that is not JSON and 413 to one over the cap, writing nothing', async () => {
    const before = await count();
    const text = await post(staffWrite, JSON.stringify(good), { 'content-type': 'text/plain', 'idempotency-key': 'media-type-1' });
    expect(text.status).toBe(415);
    const huge = await post(staffWrite, { ...good, note: 'x'.repeat(20_000) }, { 'idempotency-key': 'too-large-1' });
    expect(huge.status).toBe(413);
    expect((await huge.json()).type).toBe('urn:srm:problem:payload-too-large');
    expect(await count()).toBe(before);
  });
});

describe('rate limits', () => {
  const env = process.env;
  const withLimits = async (limits: Record<string, string>, run: () => Promise<void>) => {
    const saved = { ...env };
    Object.assign(env, limits);
    resetApiLimiters();
    try {
      await run();
    } finally {
      for (const key of Object.keys(limits)) delete env[key];
      Object.assign(env, saved);
      resetApiLimiters();
    }
  };

  it('answer 429 with Retry-After once a token has used its allowance; other tokens go on', async () => {
    await withLimits({ API_RATE_LIMIT_PER_TOKEN_PER_MINUTE: '3' }, async () => {
      const token = await tokenFor(db, 'committee@demo.local');
      for (let i = 0; i < 3; i++) expect((await callApi(getPlans, '/api/v1/plans', { token })).status).toBe(200);
      const limited = await callApi(getPlans, '/api/v1/plans', { token });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.json()).type).toBe('urn:srm:problem:rate-limited');
      expect((await callApi(getPlans, '/api/v1/plans', { token: await tokenFor(db, 'committee@demo.local') })).status).toBe(200);
    });
  });

  it('limit each client address, whoever it claims to be', async () => {
    await withLimits({ API_RATE_LIMIT_PER_IP_PER_MINUTE: '2' }, async () => {
      // The address the server worked out for the request (its socket, trusted proxies); what the client claims
      // in X-Forwarded-For is not it.
      const from = (ip: string, ...args: Parameters<typeof callApi>) =>
        requestContext.run({ requestId: 'test', clientAddress: ip, userId: null }, () => callApi(...args));
      const claims = { 'x-forwarded-for': '203.0.113.99' };
      expect((await from('198.51.100.7', getPlans, '/api/v1/plans', { headers: claims })).status).toBe(401);
      expect((await from('198.51.100.7', getPlans, '/api/v1/plans', { token: staffWrite, headers: claims })).status).toBe(200);
      const limited = await from('198.51.100.7', getPlans, '/api/v1/plans', { token: adminWrite, headers: claims });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await from('198.51.100.8', getPlans, '/api/v1/plans', { token: adminWrite, headers: claims })).status).toBe(200);
    });
  });

  it('are shared through Redis when REDIS_URL is set (two limiter sets, as two instances, count together)', async () => {
    await withLimits({ API_RATE_LIMIT_PER_TOKEN_PER_MINUTE: '3', REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0' }, async () => {
      const token = await tokenFor(db, 'committee@demo.local');
      for (let i = 0; i < 2; i++) expect((await callApi(getPlans, '/api/v1/plans', { token })).status).toBe(200);
      // A second instance: fresh limiters in this process, the same Redis.
      resetApiLimiters();
      expect((await callApi(getPlans, '/api/v1/plans', { token })).status).toBe(200);
      expect((await callApi(getPlans, '/api/v1/plans', { token })).status).toBe(429);
    });
  });
});
