import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getLines } from '@/app/api/v1/plans/[year]/budget/lines/route';
import { GET as getUtilisation } from '@/app/api/v1/plans/[year]/budget/utilisation/route';
import { GET as getIndicator } from '@/app/api/v1/plans/[year]/indicators/[code]/route';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { utilisationAsOf } from '@/db/queries/budget/utilisation';
import { findPlan } from '@/db/queries/plans';
import { seedDemo } from '@/db/seed';
import { DEMO_AS_OF } from '@/db/seed/progress';
import { callApi, tokenFor, type ApiHandler, type Body } from '../support/api';
import { createTestDatabase, driverUnderTest } from '../support/db';

// The budget through /api/v1: lines with their revisions and utilisation as of a date, money as numbers to the cent
// with their currency, the same utilisation as the indicator G5.2 and the budget page.

let handle: DbHandle;
let db: Db;
let token: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  useDatabaseHandle(handle);
  await seedDemo(db);
  token = await tokenFor(db, 'committee@demo.local');
});

afterAll(async () => {
  await closeDb();
});

const get = (handler: ApiHandler, path: string, headers: Record<string, string> = {}) => callApi(handler, path, { token, params: { year: '2020' }, headers });

async function allPages(handler: ApiHandler, path: string) {
  const items: Body[] = [];
  let url = path;
  for (let guard = 0; guard < 50; guard++) {
    const response = await get(handler, url);
    expect(response.status).toBe(200);
    const body = await response.json();
    items.push(...body.items);
    if (!body.next) return items;
    url = `${path}${path.includes('?') ? '&' : '?'}cursor=${body.next}`;
  }
  throw new Error('too many pages');
}

describe(`/api/v1 budget on ${driverUnderTest}`, () => {
  it('lists the budget lines page by page, with their revisions and money as { value, unit }', async () => {
    const lines = await allPages(getLines as ApiHandler, '/api/v1/plans/2020/budget/lines?limit=4');
    expect(lines.map((l) => l.code)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
    const b6 = lines.find((l) => l.code === 'B6');
    expect(b6).toMatchObject({ goal: null, fundingSource: 'UN Fund for South-South Cooperation', amount: { value: 130000, unit: 'USD' } });
    expect(b6.revisions).toEqual([{ effectiveOn: '2020-08-20', oldAmount: { value: 180000, unit: 'USD' }, newAmount: { value: 130000, unit: 'USD' }, reason: expect.stringContaining('Travel cancelled') }]);
    expect(lines.find((l) => l.code === 'B1').goal).toBe('G1');
  });

  it('gives utilisation at every level as the budget page computes it, and the overall figure is G5.2’s', async () => {
    const body = await (await get(getUtilisation as ApiHandler, '/api/v1/plans/2020/budget/utilisation?limit=200')).json();
    expect(body).toMatchObject({ asOf: DEMO_AS_OF, currency: 'USD', next: null });
    const planId = (await findPlan(db, 2020))!.id;
    const { rows } = await utilisationAsOf(db, planId, DEMO_AS_OF);
    expect(body.items).toHaveLength(rows.length);
    for (const [i, r] of rows.entries()) {
      expect(body.items[i]).toMatchObject({ level: r.level, budget: { value: Number(r.budget), unit: 'USD' }, spent: { value: Number(r.spent), unit: 'USD' } });
      // Exact to the cent: the number prints back as the database's decimal.
      expect(String(body.items[i].spent.value)).toBe(String(Number(r.spent)));
      expect(Math.round(body.items[i].spent.value * 100)).toBe(Number(r.spent.replace('.', '')));
    }
    const overall = body.items.find((r: Body) => r.level === 'plan');
    expect(overall).toMatchObject({ spent: { value: 790000 }, budget: { value: 1200000 } });
    const indicator = await (await callApi(getIndicator as ApiHandler, '/api/v1/plans/2020/indicators/G5.2', { token, params: { year: '2020', code: 'G5.2' } })).json();
    expect(indicator.value).toEqual(overall.utilisation);
    expect(indicator.value.value.toFixed(1)).toBe('65.8');
  });

  it('filters by level, reads as of an earlier date, and answers 304 to its own ETag', async () => {
    const sources = await (await get(getUtilisation as ApiHandler, '/api/v1/plans/2020/budget/utilisation?level=source')).json();
    expect(sources.items.map((s: Body) => s.fundingSource).sort()).toEqual(['Government of China (through CICETE)', 'UN Fund for South-South Cooperation']);
    const june = await get(getUtilisation as ApiHandler, '/api/v1/plans/2020/budget/utilisation?level=plan&asOf=2020-06-30');
    const juneBody = await june.json();
    expect(juneBody.items[0]).toMatchObject({ spent: { value: 357000 }, utilisation: { value: 29.75, unit: '%' } });
    const again = await get(getUtilisation as ApiHandler, '/api/v1/plans/2020/budget/utilisation?level=plan&asOf=2020-06-30', { 'if-none-match': june.headers.get('etag')! });
    expect(again.status).toBe(304);
    const lines = await allPages(getUtilisation as ApiHandler, '/api/v1/plans/2020/budget/utilisation?level=line&limit=2');
    expect(lines.map((l) => l.code)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
  });

  it('refuses bad parameters with problem+json naming them, and an unknown plan with 404', async () => {
    for (const [path, field] of [
      ['/api/v1/plans/2020/budget/utilisation?asOf=2020-13-01', 'asOf'],
      ['/api/v1/plans/2020/budget/utilisation?asOf=2019-12-31', 'asOf'],
      ['/api/v1/plans/2020/budget/utilisation?asOf=2020-12-31', 'asOf'],
      ['/api/v1/plans/2020/budget/utilisation?level=city', 'level'],
      ['/api/v1/plans/2020/budget/utilisation?cursor=nope', 'cursor'],
      ['/api/v1/plans/2020/budget/lines?limit=0', 'limit'],
      ['/api/v1/plans/2020/budget/lines?sort=code', 'body'],
    ] as const) {
      const response = await get((path.includes('lines') ? getLines : getUtilisation) as ApiHandler, path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type'), path).toContain('application/problem+json');
      expect(Object.keys((await response.json()).errors ?? {}), path).toContain(field);
    }
    const missing = await callApi(getLines as ApiHandler, '/api/v1/plans/2031/budget/lines', { token, params: { year: '2031' } });
    expect(missing.status).toBe(404);
    const anonymous = await callApi(getUtilisation as ApiHandler, '/api/v1/plans/2020/budget/utilisation', { params: { year: '2020' } });
    expect(anonymous.status).toBe(401);
  });
});
