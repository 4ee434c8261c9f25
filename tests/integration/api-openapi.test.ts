import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as plans from '@/app/api/v1/plans/route';
import * as plan from '@/app/api/v1/plans/[year]/route';
import * as goals from '@/app/api/v1/plans/[year]/goals/route';
import * as indicators from '@/app/api/v1/plans/[year]/indicators/route';
import * as indicator from '@/app/api/v1/plans/[year]/indicators/[code]/route';
import * as series from '@/app/api/v1/plans/[year]/indicators/[code]/series/route';
import * as breakdown from '@/app/api/v1/plans/[year]/indicators/[code]/breakdown/route';
import * as updates from '@/app/api/v1/plans/[year]/updates/route';
import * as iati from '@/app/api/v1/plans/[year]/iati/route';
import * as budgetLines from '@/app/api/v1/plans/[year]/budget/lines/route';
import * as utilisation from '@/app/api/v1/plans/[year]/budget/utilisation/route';
import * as registry from '@/app/api/v1/registries/[registry]/route';
import * as meetings from '@/app/api/v1/meetings/route';
import * as meeting from '@/app/api/v1/meetings/[id]/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { routeAccess } from '@/lib/auth/route-access';
import { callApi, tokenFor, type ApiHandler, type Body } from '../support/api';
import { createTestDatabase } from '../support/db';

let handle: DbHandle;
let db: Db;
let token: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  useDatabaseHandle(handle);
  await seedDemo(db);
  token = await tokenFor(db, 'staff@demo.local', 'read');
});

afterAll(async () => {
  await closeDb();
});

const modules: Record<string, Record<string, ApiHandler>> = {
  '/plans': plans,
  '/plans/{year}': plan,
  '/plans/{year}/goals': goals,
  '/plans/{year}/indicators': indicators,
  '/plans/{year}/indicators/{code}': indicator,
  '/plans/{year}/indicators/{code}/series': series,
  '/plans/{year}/indicators/{code}/breakdown': breakdown,
  '/plans/{year}/updates': updates,
  '/plans/{year}/iati': iati,
  '/plans/{year}/budget/lines': budgetLines,
  '/plans/{year}/budget/utilisation': utilisation,
  '/registries/{registry}': registry,
  '/meetings': meetings,
  '/meetings/{id}': meeting,
};
const samples: Record<string, string> = { year: '2020', code: 'G3.4', registry: 'partners', id: '1' };

describe('the OpenAPI document', () => {
  let doc: Body;

  it('is served to a token holder and is a valid OpenAPI 3.1 document', async () => {
    const response = await callApi(openapi.GET as ApiHandler, '/api/v1/openapi.json', { token });
    expect(response.status).toBe(200);
    doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists exactly the API’s routes, each in the access map', () => {
    const listed = Object.keys(doc.paths).sort();
    expect(listed).toEqual(Object.keys(modules).sort());
    const names = doc.paths['/plans/{year}/indicators'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['year', 'asOf', 'from', 'region', 'cluster', 'submitted', 'goal', 'cursor', 'limit']));
    expect(doc.paths['/plans/{year}/updates'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('indicator');
    for (const path of listed) expect(routeAccess).toHaveProperty([`/api/v1${path.replace(/\{(\w+)\}/g, '[$1]')}`]);
  });

  it('has every listed operation answer as it says: with a token, without one, and with bad input', async () => {
    for (const [path, operations] of Object.entries<Record<string, Body>>(doc.paths)) {
      for (const [method, operation] of Object.entries<Body>(operations)) {
        const handler = modules[path]![method.toUpperCase()];
        expect([path, method, typeof handler]).toEqual([path, method, 'function']);
        const params = Object.fromEntries((path.match(/\{(\w+)\}/g) ?? []).map((p) => [p.slice(1, -1), samples[p.slice(1, -1)]!]));
        const url = `/api/v1${path.replace(/\{(\w+)\}/g, (_, p: string) => samples[p]!)}`;
        const documented = Object.keys(operation.responses);
        const calls = [
          { token, query: '' },
          { token: undefined, query: '' },
          { token, query: '?bogus=1' },
        ];
        for (const call of calls) {
          const response = await callApi(handler!, `${url}${call.query}`, {
            token: call.token,
            method: method.toUpperCase(),
            params,
            headers: method === 'post' ? { 'content-type': 'application/json', 'idempotency-key': 'openapi-check-1' } : {},
            body: method === 'post' ? '{}' : undefined,
          });
          expect([method, url, call, documented.includes(String(response.status))]).toEqual([method, url, call, true]);
          const type = response.headers.get('content-type') ?? '';
          expect(type).toMatch(response.status >= 300 ? /^application\/problem\+json/ : path.endsWith('/iati') ? /^application\/xml/ : /^application\/json/);
        }
      }
    }
  });
});
