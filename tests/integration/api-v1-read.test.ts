import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPlans } from '@/app/api/v1/plans/route';
import { GET as getPlan } from '@/app/api/v1/plans/[year]/route';
import { GET as getGoals } from '@/app/api/v1/plans/[year]/goals/route';
import { GET as getIndicators } from '@/app/api/v1/plans/[year]/indicators/route';
import { GET as getIndicator } from '@/app/api/v1/plans/[year]/indicators/[code]/route';
import { GET as getSeries } from '@/app/api/v1/plans/[year]/indicators/[code]/series/route';
import { GET as getBreakdown } from '@/app/api/v1/plans/[year]/indicators/[code]/breakdown/route';
import { GET as getUpdates } from '@/app/api/v1/plans/[year]/updates/route';
import { GET as getRegistry } from '@/app/api/v1/registries/[registry]/route';
import { GET as getMeetings } from '@/app/api/v1/meetings/route';
import { GET as getMeeting } from '@/app/api/v1/meetings/[id]/route';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { indicatorChartByCode } from '@/db/queries/charts/indicator-chart';
import { getOverview } from '@/db/queries/overview';
import { seedDemo } from '@/db/seed';
import { DEMO_AS_OF } from '@/db/seed/progress';
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
  token = await tokenFor(db, 'committee@demo.local');
});

afterAll(async () => {
  await closeDb();
});

const get = (handler: ApiHandler, path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  callApi(handler, path, { token, params, headers });

/** Every page of a list, following `next`. */
async function allPages(handler: ApiHandler, path: string, params: Record<string, string>) {
  const items: Body[] = [];
  let url = path;
  for (let guard = 0; guard < 100; guard++) {
    const response = await get(handler, url, params);
    expect(response.status).toBe(200);
    const body = await response.json();
    items.push(...body.items);
    if (!body.next) return items;
    url = `${path}${path.includes('?') ? '&' : '?'}cursor=${body.next}`;
  }
  throw new Error('too many pages');
}

describe('/api/v1 reads', () => {
  it('lists plans, goals and indicators with dates as ISO 8601 and values with their unit', async () => {
    const plans = await (await get(getPlans, '/api/v1/plans')).json();
    expect(plans.items.map((p: { year: number }) => p.year)).toContain(2020);
    const plan = await (await get(getPlan, '/api/v1/plans/2020', { year: '2020' })).json();
    expect(plan.asOf).toBe(DEMO_AS_OF);
    expect(plan.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const goals = await (await get(getGoals, '/api/v1/plans/2020/goals', { year: '2020' })).json();
    expect(goals.items.map((g: { code: string }) => g.code)).toContain('G1');
    const list = await (await get(getIndicators, '/api/v1/plans/2020/indicators?limit=200', { year: '2020' })).json();
    const first = list.items[0];
    expect(first.value).toHaveProperty('unit');
    expect(first.targetToDate).toEqual({ value: expect.any(Number), unit: first.unit });
    expect(typeof first.status).toBe('string');
  });

  /** The questions asked of list, detail and pages alike: the plan's as-of date, a past date, and a past date as known on a day. */
  const clocks: { asOf?: string; knownOn?: string }[] = [{}, { asOf: '2020-09-30' }, { asOf: '2020-09-30', knownOn: '2020-08-15' }];
  const queryOf = (c: { asOf?: string; knownOn?: string }) =>
    Object.entries(c)
      .map(([k, v]) => `${k}=${v}`)
      .join('&');

  it('gives the same number in list, detail and pages for every demo indicator, at the plan’s as-of date, a past date and a past knowledge day', async () => {
    const answers: string[] = [];
    for (const clock of clocks) {
      const query = queryOf(clock);
      const list = await allPages(getIndicators, `/api/v1/plans/2020/indicators?limit=7${query ? `&${query}` : ''}`, { year: '2020' });
      answers.push(JSON.stringify(list.map((i) => [i.value.value, i.status])));
      const overview = await getOverview(db, { year: 2020, to: clock.asOf, knownOn: clock.knownOn, openGoals: 'all' });
      const pageIndicators = overview!.goals.flatMap((g) => g.indicators);
      expect(list.map((i) => i.code)).toEqual(pageIndicators.map((i) => i.code));
      expect(overview!.asOf).toBe(clock.asOf ?? DEMO_AS_OF);
      expect(overview!.knownOn).toBe(clock.knownOn ?? null);
      for (const [n, api] of list.entries()) {
        const page = pageIndicators[n]!.evaluation;
        expect([api.code, api.value.value, api.achievement, api.status]).toEqual([api.code, page.actual.value, page.achievement, page.status]);
        // The indicator's own page (and the report's charts): its chart's standing, for the same clock.
        const chart = await indicatorChartByCode(db, api.code, { year: 2020, asOf: overview!.asOf, knownOn: clock.knownOn });
        const one = await (await get(getIndicator, `/api/v1/plans/2020/indicators/${api.code}${query ? `?${query}` : ''}`, { year: '2020', code: api.code })).json();
        expect([api.code, one.asOf, one.knownOn]).toEqual([api.code, overview!.asOf, clock.knownOn ?? null]);
        expect([api.code, one.value.value, one.achievement, one.status, one.targetToDate.value]).toEqual([
          api.code,
          chart!.evaluation.actual.value,
          chart!.evaluation.achievement,
          chart!.evaluation.status,
          chart!.evaluation.targetToDate,
        ]);
        // List and detail: one number for one question, at every clock.
        expect([api.code, one.value.value, one.achievement, one.status, one.targetToDate.value]).toEqual([
          api.code,
          api.value.value,
          api.achievement,
          api.status,
          api.targetToDate.value,
        ]);
      }
    }
    // The knowledge day is a question of its own: updates reported after it for earlier periods are not yet counted.
    expect(answers[2]).not.toBe(answers[1]);
  });

  it('gives an indicator’s series and breakdown as its chart does, at every clock', async () => {
    for (const clock of clocks) {
      const query = queryOf(clock) ? `?${queryOf(clock)}` : '';
      const chart = await indicatorChartByCode(db, 'G1.1', { year: 2020, ...clock });
      const series = await (await get(getSeries, `/api/v1/plans/2020/indicators/G1.1/series${query}`, { year: '2020', code: 'G1.1' })).json();
      expect(series.items.map((p: { actual: { value: number | null } }) => p.actual.value)).toEqual(chart!.points.map((p) => p.actual));
      expect(series.items.map((p: { target: { value: number } }) => p.target.value)).toEqual(chart!.points.map((p) => p.target));
      const breakdown = await (await get(getBreakdown, `/api/v1/plans/2020/indicators/G1.1/breakdown${query}`, { year: '2020', code: 'G1.1' })).json();
      expect(breakdown.items.map((b: { value: { value: number | null } }) => b.value.value)).toEqual((chart!.breakdown?.bars ?? []).map((b) => b.value));
    }
  });

  it('pages by cursor without gaps or repeats, with the pages’ filters', async () => {
    const whole = await (await get(getUpdates, '/api/v1/plans/2020/updates?limit=200&status=approved', { year: '2020' })).json();
    const paged = await allPages(getUpdates, '/api/v1/plans/2020/updates?limit=9&status=approved', { year: '2020' });
    expect(paged.length).toBeGreaterThan(9);
    expect(paged.map((u) => u.id)).toEqual(whole.items.slice(0, paged.length).map((u: { id: number }) => u.id));
    expect(new Set(paged.map((u) => u.id)).size).toBe(paged.length);
    expect(paged.every((u) => u.status === 'approved')).toBe(true);
    const g1 = await allPages(getUpdates, '/api/v1/plans/2020/updates?goal=G1&limit=50', { year: '2020' });
    expect(g1.every((u) => u.goal === 'G1')).toBe(true);
    const cities = await allPages(getRegistry, '/api/v1/registries/cities', { registry: 'cities' });
    expect(new Set(cities.map((c) => c.id)).size).toBe(cities.length);
    expect(cities.length).toBeGreaterThan(25);
    const maritime = await allPages(getRegistry, '/api/v1/registries/cities?region=maritime', { registry: 'cities' });
    expect(maritime.length).toBeGreaterThan(0);
    expect(maritime.every((c) => c.region === 'maritime')).toBe(true);
  });

  it('gives meetings with their decisions and action items', async () => {
    const meetings = await (await get(getMeetings, '/api/v1/meetings')).json();
    expect(meetings.items.length).toBeGreaterThan(0);
    const id = String(meetings.items[0].id);
    const meeting = await (await get(getMeeting, `/api/v1/meetings/${id}`, { id })).json();
    expect(meeting.heldOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.isArray(meeting.items)).toBe(true);
  });

  it('answers 304 to a matching If-None-Match, and 200 with a new ETag when the data changes', async () => {
    const first = await get(getIndicators, '/api/v1/plans/2020/indicators', { year: '2020' });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(getIndicators, '/api/v1/plans/2020/indicators', { year: '2020' }, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get(getIndicators, '/api/v1/plans/2020/indicators?asOf=2020-06-30', { year: '2020' }, { 'if-none-match': etag! });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('refuses bad input with a problem+json body naming the field, and unknown things with 404', async () => {
    const cases: [ApiHandler, string, Record<string, string>, number, string][] = [
      [getIndicators, '/api/v1/plans/2020/indicators?asOf=yesterday', { year: '2020' }, 400, 'asOf'],
      [getIndicators, '/api/v1/plans/2020/indicators?knownOn=2020-02-31', { year: '2020' }, 400, 'knownOn'],
      [getIndicator, '/api/v1/plans/2020/indicators/G1.1?knownOn=soon', { year: '2020', code: 'G1.1' }, 400, 'knownOn'],
      [getIndicators, '/api/v1/plans/2020/indicators?limit=100000', { year: '2020' }, 400, 'limit'],
      [getIndicators, '/api/v1/plans/2020/indicators?colour=red', { year: '2020' }, 400, ''],
      [getIndicators, '/api/v1/plans/2020/indicators?cursor=!!', { year: '2020' }, 400, 'cursor'],
      [getUpdates, '/api/v1/plans/2020/updates?cursor=eyJvZmZzZXQiOjF9', { year: '2020' }, 400, 'cursor'],
      [getPlan, '/api/v1/plans/twenty', { year: 'twenty' }, 400, 'year'],
      [getPlan, '/api/v1/plans/2031', { year: '2031' }, 404, ''],
      [getIndicator, '/api/v1/plans/2020/indicators/G9.9', { year: '2020', code: 'G9.9' }, 404, ''],
      [getRegistry, '/api/v1/registries/users', { registry: 'users' }, 400, 'registry'],
      [getMeeting, '/api/v1/meetings/999999', { id: '999999' }, 404, ''],
    ];
    for (const [handler, path, params, status, field] of cases) {
      const response = await get(handler, path, params);
      expect([path, response.status]).toEqual([path, status]);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = await response.json();
      expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:srm:problem:/), title: expect.any(String) });
      if (field) expect(Object.keys(body.errors)).toContain(field);
    }
    const zh = await get(getPlan, '/api/v1/plans/2031', { year: '2031' }, { 'accept-language': 'zh-CN' });
    expect((await zh.json()).title).toBe('未找到');
  });

  it('answers 401 problem+json without a token or session, never data', async () => {
    const response = await callApi(getIndicators, '/api/v1/plans/2020/indicators', { params: { year: '2020' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(await response.json()).not.toHaveProperty('items');
  });
});
