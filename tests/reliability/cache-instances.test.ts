import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DbHandle } from '@/db/client';
import { findPlan } from '@/db/queries/plans';
import { indicators, indicatorTargets } from '@/db/schema';
import { DEMO_PASSWORD, seedDemo } from '@/db/seed';
import { tokenFor } from '../support/api';
import { createPgDatabase } from './support/db';
import { record } from './support/figures';
import { Client, serverActions, type ServerAction } from './support/http';
import { port, startApp, type AppServer } from './support/server';
import { demoEmail, type Role } from './support/world';

/**
 * Many instances, one cache: two production servers on one PostgreSQL database and one Redis. A write through
 * one is seen on the other's very next request; a cached view never carries what a role may not see; with Redis
 * stopped under load, pages are served uncached (no 5xx) with one warning per instance, and caching resumes
 * when Redis is back; the same freshness and role checks hold on the embedded store with the in-memory cache.
 * The suite runs its own redis-server (CACHE_REDIS_PORT, 6381), never a shared one.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const redisPort = Number(process.env.CACHE_REDIS_PORT || 6381);
const redisUrl = `redis://127.0.0.1:${redisPort}/0`;
const prefix = `srm-cache-test:${process.pid}:`;

let redis: ChildProcess | undefined;
let database: Awaited<ReturnType<typeof createPgDatabase>>;
let db: DbHandle;
let a: AppServer;
let b: AppServer;
let actions: ServerAction[];
const on: Record<'a' | 'b', Record<Role | 'anonymous', Client>> = { a: {} as never, b: {} as never };
let indicatorId = 0;
let indicatorCode = '';

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // Refused while the server starts: the loop below tries again.
  probe.on('error', () => {});
  for (let i = 0; i < 50; i++) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`redis-server did not start on port ${redisPort}`);
}

async function stopRedis(): Promise<void> {
  const child = redis;
  redis = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function cachedEntries(): Promise<number> {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 0 });
  try {
    return (await client.keys(`${prefix}entry:*`)).length;
  } finally {
    client.disconnect();
  }
}

const env = () => ({ DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_CACHE_PREFIX: prefix });

beforeAll(async () => {
  await startRedis();
  database = await createPgDatabase('srm_cache');
  db = openPostgres(database.url, { max: 2 });
  await db.migrate();
  await seedDemo(db.db);
  const plan = (await findPlan(db.db, 2020))!;
  const [row] = await db.db.select().from(indicators).where(and(eq(indicators.planId, plan.id), eq(indicators.code, 'G2.2')));
  indicatorId = row!.id;
  indicatorCode = row!.code;
  [a, b] = await Promise.all([startApp({ port: port(0), env: env() }), startApp({ port: port(1), env: env() })]);
  actions = serverActions();
  for (const [name, server] of [['a', a], ['b', b]] as const) {
    on[name].anonymous = new Client(server.baseUrl);
    for (const role of ['admin', 'committee'] as const) {
      const client = new Client(server.baseUrl);
      if (!(await client.signIn(actions, demoEmail(role), DEMO_PASSWORD))) throw new Error(`could not sign in as ${role} on ${name}`);
      on[name][role] = client;
    }
  }
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.close();
  await database?.drop();
  await stopRedis();
});

/** Sets the final target of the test's indicator through instance `via`, as the plan's edit form does. */
async function setFinalTarget(via: Client, value: number): Promise<void> {
  const action = actions.find((x) => x.key.endsWith('#setTargetsAction'))!;
  const form = new FormData();
  form.append('indicatorId', String(indicatorId));
  form.append('finalTarget', String(value));
  form.append('effectiveOn', '2020-11-01');
  form.append('reason', 'Revised at the steering committee');
  // The plan is endorsed: its milestone periods stay, the last one (a level: the final target) moves.
  const rows = await db.db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId)).orderBy(asc(indicatorTargets.id));
  const milestones = new Map(rows.map((r) => [r.periodEnd, r.targetValue]));
  const last = [...milestones.keys()].sort().at(-1);
  for (const [period, target] of milestones) form.append(`milestone:${period}`, String(period === last ? value : target));
  const answer = await via.action({ ...action, page: `/plans/2020/indicators/${indicatorCode}/edit` }, [{}, form]);
  expect(answer.status, answer.body.slice(0, 400)).toBeLessThan(400);
}

/** The final target the plan page shows for the test's indicator. */
function shownTarget(html: string): string | undefined {
  const row = html.split('<tr ').find((r) => r.startsWith(`data-indicator="${indicatorCode}"`));
  // The row's number cells: the baseline, then the final target.
  const cells = [...(row ?? '').matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
  return cells[1];
}

/** A number cell of an indicator's row on the overview: 0 the actual, 1 the target to date, 2 the final target. */
function overviewCell(html: string, code: string, n: number): string | undefined {
  const row = html.split('<tr ').find((r) => r.startsWith(`data-indicator="${code}"`));
  const cells = [...(row ?? '').matchAll(/<td class="num" data-label="[^"]*">([^<]*)/g)].map((m) => m[1]);
  return cells[n];
}

async function postUpdateVia(server: AppServer, token: string, value: number) {
  const res = await fetch(new URL('/api/v1/plans/2020/updates', server.baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `cache-${value}-${Date.now()}` },
    body: JSON.stringify({ indicator: 'G3.4', period: '2020-Q4', value, note: 'From a partner system', evidenceUrl: '', confirmPlausibility: true }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe('two instances, one PostgreSQL, one Redis', () => {
  it('a write through one instance is seen on the next request of the other (and of itself)', async () => {
    // Both instances have the overview and the plan page cached.
    for (const name of ['a', 'b'] as const) for (const path of ['/', '/plans/2020']) expect((await on[name].admin.get(path)).status).toBe(200);
    expect(await cachedEntries()).toBeGreaterThan(0);
    for (const value of [11, 12]) {
      // The action's own answer re-renders its page (the indicator's edit page) on A; the overview is not on it,
      // so B's overview shows the new target only if B learnt of A's invalidation.
      await setFinalTarget(on.a.admin, value);
      expect(overviewCell((await on.b.admin.get('/')).body, indicatorCode, 2)).toBe(String(value));
      expect(shownTarget((await on.b.admin.get('/plans/2020')).body)).toBe(String(value));
      expect(shownTarget((await on.a.admin.get('/plans/2020')).body)).toBe(String(value));
      expect(shownTarget((await on.b.committee.get('/plans/2020')).body)).toBe(String(value));
    }
    // And the other way round.
    await setFinalTarget(on.b.admin, 13);
    expect(overviewCell((await on.a.committee.get('/')).body, indicatorCode, 2)).toBe('13');
  });

  it('a write through the API (a route handler) on one instance is seen on the next request of the other', async () => {
    const token = await tokenFor(db.db, 'staff@demo.local', 'write');
    const actual = async () => overviewCell((await on.b.committee.get('/?submitted=1')).body, 'G3.4', 0);
    const before = await actual();
    expect(before).toBeDefined();
    await postUpdateVia(a, token, 4321);
    const after = await actual();
    expect(after).not.toBe(before);
    await postUpdateVia(a, token, 1234);
    expect(await actual()).not.toBe(after);
  });

  it('a view cached for an admin does not carry what a committee member may not see, nor serve the signed-out', async () => {
    const forAdmin = await on.a.admin.get('/plans/2020');
    const forCommittee = await on.b.committee.get('/plans/2020');
    const signedOut = await on.b.anonymous.get('/plans/2020');
    expect(forAdmin.status).toBe(200);
    expect(forCommittee.status).toBe(200);
    // Editors get the links to edit indicators; the committee, served from the same cached view, does not.
    expect(forAdmin.body).toContain(`/plans/2020/indicators/${indicatorCode}/edit`);
    expect(forCommittee.body).not.toContain(`/plans/2020/indicators/${indicatorCode}/edit`);
    expect(shownTarget(forCommittee.body)).toBe(shownTarget(forAdmin.body));
    expect(signedOut.status).toBeGreaterThanOrEqual(300);
    expect(signedOut.status).toBeLessThan(400);
    expect(signedOut.body).not.toContain(indicatorCode);
  });

  it('Redis stopped under load: no 5xx, one warning per instance, fresh after a write, caching back with Redis', async () => {
    const paths = ['/', '/plans/2020', '/reports/committee', `/indicators/${indicatorCode}`];
    const statuses = new Map<number, number>();
    let running = true;
    const worker = async (i: number) => {
      for (let n = i; running; n++) {
        const client = n % 2 === 0 ? on.a.admin : on.b.committee;
        const res = await client.get(paths[n % paths.length]!).catch(() => ({ status: 0 }));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));
    await sleep(2000);
    await stopRedis();
    await sleep(3000);
    // A write while Redis is away is seen at once on both instances: nothing is read from the cache.
    await setFinalTarget(on.a.admin, 21);
    expect(shownTarget((await on.b.admin.get('/plans/2020')).body)).toBe('21');
    await sleep(2000);
    await startRedis();
    // Back within the handler's reconnection delay (2 s at most).
    await sleep(4000);
    await on.b.admin.get('/plans/2020');
    running = false;
    await load;
    const served = [...statuses.values()].reduce((x, y) => x + y, 0);
    const failed = [...statuses.entries()].filter(([s]) => s === 0 || s >= 500).reduce((x, [, n]) => x + n, 0);
    record('requests under load while Redis stopped and came back', served);
    expect(served).toBeGreaterThan(20);
    expect(failed, JSON.stringify([...statuses])).toBe(0);
    for (const server of [a, b]) {
      const events = server.json().map((l) => l.event);
      expect(events.filter((e) => e === 'cache.redis_unavailable')).toHaveLength(1);
      expect(events).toContain('cache.redis_back');
    }
    // Caching resumed: the new Redis holds entries again, and they are fresh.
    expect(await cachedEntries()).toBeGreaterThan(0);
    await setFinalTarget(on.b.admin, 22);
    expect(shownTarget((await on.a.committee.get('/plans/2020')).body)).toBe('22');
  });
});

describe('one instance on the embedded store, its cache in memory', () => {
  let single: AppServer;
  let dataDir: string;
  const clients: Partial<Record<Role | 'anonymous', Client>> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'srm-cache-pglite-'));
    // No REDIS_URL: Next's own in-memory handler.
    single = await startApp({ port: port(2), env: { PGLITE_DATA_DIR: dataDir } });
    clients.anonymous = new Client(single.baseUrl);
    for (const role of ['admin', 'committee'] as const) {
      const client = new Client(single.baseUrl);
      if (!(await client.signIn(actions, demoEmail(role), DEMO_PASSWORD))) throw new Error(`could not sign in as ${role} on the embedded store`);
      clients[role] = client;
    }
  });

  afterAll(async () => {
    await single?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves nothing stale after a committed write, and no cached view crosses a role', async () => {
    const admin = clients.admin!;
    const committee = clients.committee!;
    expect((await committee.get('/')).status).toBe(200);
    expect((await admin.get('/plans/2020')).status).toBe(200);
    await setFinalTarget(admin, 31);
    // The overview is not on the action's page: fresh only because its view's tag was expired.
    expect(overviewCell((await committee.get('/')).body, indicatorCode, 2)).toBe('31');
    const forCommittee = await committee.get('/plans/2020');
    expect(shownTarget(forCommittee.body)).toBe('31');
    expect(forCommittee.body).not.toContain(`/plans/2020/indicators/${indicatorCode}/edit`);
    expect((await admin.get('/plans/2020')).body).toContain(`/plans/2020/indicators/${indicatorCode}/edit`);
    const signedOut = await clients.anonymous!.get('/');
    expect(signedOut.status).toBeGreaterThanOrEqual(300);
    expect(signedOut.status).toBeLessThan(400);
  });
});
