import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '@/db/client';
import { record } from './support/figures';
import { isReady, startCluster, stopClusterFast } from './support/pg-cluster';
import { port, startApp } from './support/server';
import { durabilityCheck, startWriteStream, validTarget } from './support/write-stream';
import { startWorld, type World } from './support/world';

/**
 * Crash durability and the database down, against the production server on
 * PostgreSQL: `kill -9` of the app during a stream of writes, then PostgreSQL stopped in fast mode during
 * another. Every write the client saw acknowledged must be there, and no change without its audit row (or the
 * reverse). While the database is down pages answer 503 and /api/health says why; the server recovers alone.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let world: World;

beforeAll(async () => {
  world = await startWorld(port(1));
});

afterAll(async () => {
  if (!isReady()) startCluster();
  await world?.close();
});

describe('crash durability on PostgreSQL', () => {
  it('kill -9 of the app during a stream of writes loses no acknowledged write and leaves nothing half-written', async () => {
    const action = world.actions.find((a) => a.key.endsWith('#logProgressAction'))!;
    const target = await validTarget(world.db.db);
    const stream = startWriteStream(world.clients.staff, action, target);
    // Kill in the middle of the stream: once a dozen writes were acknowledged (30 s at most on a busy machine).
    for (let waited = 0; stream.acknowledged().length < 12 && waited < 30_000; waited += 250) await sleep(250);
    await sleep(500);
    await world.server.kill9();
    await stream.stop();
    const acked = stream.acknowledged().length;
    expect(acked, 'some writes were acknowledged before the kill').toBeGreaterThan(5);

    const check = await durabilityCheck(world.db.db, stream.sent);
    record('writes acknowledged', acked);
    record('acknowledged writes lost', check.lost.length);
    record('half-written changes', check.halfWritten);
    expect(check.lost).toEqual([]);
    expect(check.halfWritten).toBe(0);
    // Unacknowledged writes may or may not have landed, but never twice.
    expect(check.stored).toBeLessThanOrEqual(stream.sent.length);

    // The app starts again on the same database and serves.
    world.server = await startApp({ port: port(1), env: { DATABASE_URL: world.url } });
    expect((await world.clients.staff.get('/')).status).toBe(200);
  });

  it('PostgreSQL stopped in fast mode: 503 pages, /api/health says why, the server survives and recovers by itself', async () => {
    if (world.server.process.exitCode !== null || world.server.process.signalCode !== null) {
      world.server = await startApp({ port: port(1), env: { DATABASE_URL: world.url } });
    }
    const action = world.actions.find((a) => a.key.endsWith('#logProgressAction'))!;
    const target = await validTarget(world.db.db);
    const stream = startWriteStream(world.clients.staff, action, target);
    await sleep(3000);
    let down: { page: number; pageBody: string; headers: Headers; health: number; healthBody: string; api: number };
    try {
      stopClusterFast();
      await sleep(1500);
      const page = await world.clients.staff.get('/');
      const health = await world.clients.anonymous.get('/api/health');
      const api = await world.clients.staff.get('/api/updates/export');
      down = { page: page.status, pageBody: page.body, headers: page.headers, health: health.status, healthBody: health.body, api: api.status };
    } finally {
      startCluster();
    }
    await stream.stop();
    expect(down.page).toBe(503);
    expect(down.pageBody).toContain('Service unavailable');
    expect(down.headers.get('retry-after')).toBe('5');
    expect(down.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(down.health).toBe(503);
    // A generic reason for anyone; the driver's detail is in the log (db.unavailable, asserted below).
    expect(JSON.parse(down.healthBody)).toEqual({ status: 'unavailable', database: { ok: false, reason: 'database_unavailable' } });
    expect(down.api).toBe(503);
    expect(world.server.process.exitCode).toBeNull();

    // Recovers by itself: no restart of the app.
    let healthy = false;
    for (let i = 0; i < 60 && !healthy; i++) {
      healthy = (await world.clients.anonymous.get('/api/health')).status === 200;
      if (!healthy) await sleep(500);
    }
    expect(healthy).toBe(true);
    // A pool connection that was mid-connect when the server went away may fail one more request; pages are
    // back within seconds without restarting the app.
    let page = 0;
    for (let i = 0; i < 20 && page !== 200; i++) {
      page = (await world.clients.staff.get('/')).status;
      if (page !== 200) await sleep(500);
    }
    expect(page).toBe(200);

    const check = await durabilityCheck(world.db.db, stream.sent);
    record('writes acknowledged', stream.acknowledged().length);
    record('acknowledged writes lost', check.lost.length);
    record('half-written changes', check.halfWritten);
    expect(check.lost).toEqual([]);
    expect(check.halfWritten).toBe(0);
    // The outage was logged as such, in JSON.
    const lost = world.server.json().filter((l) => l.event === 'db.unavailable');
    expect(lost.length).toBeGreaterThan(0);
    expect(String(lost[0]!.detail)).toMatch(/\w/);
    // One known upstream defect is tolerated, and counted: postgres.js 3.4.9 can write to a socket that a server
    // shutdown has just closed, from a setImmediate callback (porsager/postgres#1154, #1208; fixes proposed in
    // #1168, #1209, not released). Next logs it and the server carries on (asserted above: still running,
    // pages back, nothing lost). Any other uncaught error fails the test.
    const upstream = /Cannot read properties of null \(reading 'write'\)/;
    const uncaught = world.server.lines.filter((l) => /unhandledRejection|uncaughtException/.test(l));
    record('postgres.js closed-socket writes survived (upstream #1208)', uncaught.filter((l) => upstream.test(l)).length);
    expect(uncaught.filter((l) => !upstream.test(l))).toEqual([]);
  });
});

describe('the embedded store (PGlite) makes no durability promise, but never crash-loops', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'srm-pglite-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses a second process on the same folder (lock file), and takes over after a kill -9', async () => {
    const dir = path.join(work, 'locked');
    // node --import tsx: one process, so that SIGKILL reaches the writer itself (the tsx binary forks a child).
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/reliability/support/pglite-writer.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`writer exited ${code}`)));
    });
    await expect(openPglite(dir)).rejects.toThrow(/in use by process \d+/);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // Killed mid-write: the folder either opens as it is, or is set aside and replaced — never a crash.
    const handle = await openPglite(dir);
    const result = await handle.db.execute('select 1 as one' as never);
    expect(result).toBeTruthy();
    await handle.close();
  });

  it('sets a damaged folder aside with a clear message and starts fresh', async () => {
    const dir = path.join(work, 'damaged');
    const first = await openPglite(dir);
    await first.migrate();
    await first.close();
    // Damage: the control file zeroed, as a torn write could leave it.
    writeFileSync(path.join(dir, 'global', 'pg_control'), Buffer.alloc(8192));
    const messages: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => messages.push(args.join(' '));
    try {
      const handle = await openPglite(dir);
      await handle.migrate();
      await handle.close();
    } finally {
      console.error = original;
    }
    const aside = readdirSync(work).filter((n) => n.startsWith('damaged.damaged-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
    expect(messages.join('\n')).toMatch(/could not be opened .* moved to .*damaged-/s);
  });
});
