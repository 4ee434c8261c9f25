import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as meeting from '@/app/api/v1/meetings/[id]/route';
import * as meetings from '@/app/api/v1/meetings/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as goals from '@/app/api/v1/plans/[year]/goals/route';
import * as iati from '@/app/api/v1/plans/[year]/iati/route';
import * as breakdown from '@/app/api/v1/plans/[year]/indicators/[code]/breakdown/route';
import * as budgetLines from '@/app/api/v1/plans/[year]/budget/lines/route';
import * as utilisation from '@/app/api/v1/plans/[year]/budget/utilisation/route';
import * as indicator from '@/app/api/v1/plans/[year]/indicators/[code]/route';
import * as series from '@/app/api/v1/plans/[year]/indicators/[code]/series/route';
import * as indicators from '@/app/api/v1/plans/[year]/indicators/route';
import * as plan from '@/app/api/v1/plans/[year]/route';
import * as updates from '@/app/api/v1/plans/[year]/updates/route';
import * as plans from '@/app/api/v1/plans/route';
import * as registry from '@/app/api/v1/registries/[registry]/route';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { hashApiToken, revokeApiToken } from '@/db/queries/auth/api-tokens';
import { apiTokens, progressUpdates } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { canWithToken, type Action, type Role, type TokenScope } from '@/lib/auth/policy';
import { routeAccess } from '@/lib/auth/route-access';
import { callApi, tokenFor, userIdOf, type ApiHandler } from '../support/api';
import { createTestDatabase } from '../support/db';

// The API's roles × endpoints matrix with tokens: every /api/v1 route of the route map, as a token of each role and
// scope, a revoked token, an expired one, a malformed one and none. Allowed: 200; refused: 401 or 403 as
// problem+json, never data. A route added to the map without a row here fails the first test.

const handlers: Record<string, { module: { GET?: unknown; POST?: unknown }; params: Record<string, string>; path: string }> = {
  '/api/v1/plans': { module: plans, params: {}, path: '/api/v1/plans' },
  '/api/v1/plans/[year]': { module: plan, params: { year: '2020' }, path: '/api/v1/plans/2020' },
  '/api/v1/plans/[year]/goals': { module: goals, params: { year: '2020' }, path: '/api/v1/plans/2020/goals' },
  '/api/v1/plans/[year]/indicators': { module: indicators, params: { year: '2020' }, path: '/api/v1/plans/2020/indicators' },
  '/api/v1/plans/[year]/indicators/[code]': { module: indicator, params: { year: '2020', code: 'G1.1' }, path: '/api/v1/plans/2020/indicators/G1.1' },
  '/api/v1/plans/[year]/indicators/[code]/series': { module: series, params: { year: '2020', code: 'G1.1' }, path: '/api/v1/plans/2020/indicators/G1.1/series' },
  '/api/v1/plans/[year]/indicators/[code]/breakdown': { module: breakdown, params: { year: '2020', code: 'G1.1' }, path: '/api/v1/plans/2020/indicators/G1.1/breakdown' },
  '/api/v1/plans/[year]/updates': { module: updates, params: { year: '2020' }, path: '/api/v1/plans/2020/updates' },
  '/api/v1/plans/[year]/iati': { module: iati, params: { year: '2020' }, path: '/api/v1/plans/2020/iati' },
  '/api/v1/plans/[year]/budget/lines': { module: budgetLines, params: { year: '2020' }, path: '/api/v1/plans/2020/budget/lines' },
  '/api/v1/plans/[year]/budget/utilisation': { module: utilisation, params: { year: '2020' }, path: '/api/v1/plans/2020/budget/utilisation' },
  '/api/v1/registries/[registry]': { module: registry, params: { registry: 'cities' }, path: '/api/v1/registries/cities' },
  '/api/v1/meetings': { module: meetings, params: {}, path: '/api/v1/meetings' },
  '/api/v1/meetings/[id]': { module: meeting, params: { id: '1' }, path: '/api/v1/meetings/1' },
  '/api/v1/openapi.json': { module: openapi, params: {}, path: '/api/v1/openapi.json' },
};

type Column = { name: string; role?: Role; scope?: TokenScope; token: string | undefined };

let handle: DbHandle;
let db: Db;
const columns: Column[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  useDatabaseHandle(handle);
  await seedDemo(db);
  for (const [role, email] of [['committee', 'committee@demo.local'], ['staff', 'staff@demo.local'], ['admin', 'admin@demo.local']] as const) {
    columns.push({ name: `${role} read`, role, scope: 'read', token: await tokenFor(db, email, 'read') });
    if (role !== 'committee') columns.push({ name: `${role} write`, role, scope: 'write', token: await tokenFor(db, email, 'write') });
  }
  const revoked = await tokenFor(db, 'admin@demo.local', 'write');
  const [row] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(revoked)));
  await revokeApiToken(db, { tokenId: row!.id, actorId: await userIdOf(db, 'admin@demo.local'), ownerId: null });
  const expired = await tokenFor(db, 'admin@demo.local', 'write');
  await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.tokenHash, hashApiToken(expired)));
  columns.push({ name: 'revoked', token: revoked }, { name: 'expired', token: expired }, { name: 'malformed', token: 'srm_short' }, { name: 'none', token: undefined });
});

afterAll(async () => {
  await closeDb();
});

describe('the API with tokens: every route × every kind of token', () => {
  it('covers every /api/v1 route of the route map', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(routeAccess).filter((r) => r.startsWith('/api/v1/')).sort());
  });

  it('answers reads 200 where the token’s role and scope allow, else 401/403 problem+json without data', async () => {
    const outcomes: string[] = [];
    for (const [route, { module, params, path }] of Object.entries(handlers)) {
      const access = routeAccess[route] as Action;
      for (const c of columns) {
        const response = await callApi(module.GET as ApiHandler, path, { token: c.token, params });
        const expected = c.role ? (canWithToken(c.role, c.scope!, access) ? 200 : 403) : 401;
        if (response.status !== expected) outcomes.push(`${route} as ${c.name}: expected ${expected}, got ${response.status}`);
        if (expected !== 200) {
          expect(response.headers.get('content-type')).toContain('application/problem+json');
          const body = await response.json();
          expect(body).not.toHaveProperty('items');
          expect(body).not.toHaveProperty('code');
        }
      }
    }
    expect(outcomes).toEqual([]);
  }, 180_000);

  it('lets only a write token of staff or an admin create an update; every other token changes nothing', async () => {
    const before = await db.$count(progressUpdates);
    const outcomes: string[] = [];
    for (const c of columns) {
      const response = await callApi(updates.POST as ApiHandler, '/api/v1/plans/2020/updates', {
        token: c.token,
        method: 'POST',
        params: { year: '2020' },
        headers: { 'content-type': 'application/json', 'idempotency-key': `matrix-${c.name.replace(' ', '-')}-0001` },
        // A body the validation refuses, so that even an allowed token writes nothing: 400 past the check.
        body: JSON.stringify({ indicator: 'G1.1', period: '2020-Q4', value: 'not a number' }),
      });
      const expected = c.role ? (canWithToken(c.role, c.scope!, 'progress.log') ? 400 : 403) : 401;
      if (response.status !== expected) outcomes.push(`POST updates as ${c.name}: expected ${expected}, got ${response.status}`);
    }
    expect(outcomes).toEqual([]);
    expect(await db.$count(progressUpdates)).toBe(before);
  }, 60_000);
});
