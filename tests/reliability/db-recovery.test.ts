import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '@/db/errors';
import { queryRows } from '@/db/queries/raw';
import { createPgDatabase } from './support/db';
import { record } from './support/figures';
import { isReady, restartFast, startCluster, terminateConnections } from './support/pg-cluster';
import { port } from './support/server';
import { durabilityCheck, startWriteStream, validTarget } from './support/write-stream';
import { startWorld, type World } from './support/world';

/**
 * The database going away and coming back, again and again, under readers and a writer, on the production
 * server: all of the app's connections terminated ten times (as a pooler or a failover does), then the cluster
 * restarted in fast mode three times. No request may answer 500 or go unanswered, every acknowledged write must
 * be stored exactly once, and pages must be back to 200 within 2 s of the database accepting connections.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A request not answered by then counts as a hang. */
const ANSWER_WITHIN_MS = 10_000;
const RECOVERY_LIMIT_MS = 2000;

interface Answer {
  page: string;
  startedAt: number;
  endedAt: number;
  /** 0 when no answer came in time. */
  status: number;
}

let world: World;

beforeAll(async () => {
  world = await startWorld(port(2));
});

afterAll(async () => {
  if (!isReady()) startCluster();
  await world?.close();
});

describe('the database lost and regained under load (PostgreSQL)', () => {
  it('terminated connections and fast restarts: no 500, no hang, no lost or doubled write, pages back within 2 s', async () => {
    const target = await validTarget(world.db.db);
    const pages = ['/', `/indicators/${encodeURIComponent(target.code)}`, '/account'];
    const answers: Answer[] = [];
    let reading = true;
    const readers = pages.map(async (page) => {
      while (reading) {
        const startedAt = Date.now();
        let status = 0;
        try {
          status = (await world.clients.staff.request(page, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) })).status;
        } catch {
          // no answer in time: status stays 0
        }
        answers.push({ page, startedAt, endedAt: Date.now(), status });
        await sleep(20);
      }
    });
    const action = world.actions.find((a) => a.key.endsWith('#logProgressAction'))!;
    const writes = startWriteStream(world.clients.staff, action, target, 2, ANSWER_WITHIN_MS);
    const dbName = new URL(world.url).pathname.slice(1);

    await sleep(1500);
    let terminated = 0;
    for (let round = 0; round < 10; round++) {
      terminated += await terminateConnections(dbName);
      await sleep(600);
    }
    const recoveries: number[] = [];
    for (let round = 0; round < 3; round++) {
      const { acceptingAt } = await restartFast(800);
      // Readers keep going: each page's first 200 answered after the database accepts connections.
      const firstBack = (p: string) => answers.find((a) => a.page === p && a.endedAt >= acceptingAt && a.status === 200);
      for (let waited = 0; waited < 8000 && !pages.every(firstBack); waited += 100) await sleep(100);
      const perPage = pages.map((p) => (firstBack(p)?.endedAt ?? Infinity) - acceptingAt);
      recoveries.push(Math.max(...perPage));
      // DB_RECOVERY_DEBUG=1 prints each answer around the restart (ms from the database accepting connections).
      if (process.env.DB_RECOVERY_DEBUG) {
        const near = answers.filter((a) => a.endedAt >= acceptingAt - 3000);
        console.log(`ACCEPTING ${acceptingAt}\n` + near.map((a) => `${a.page} ${a.status} ${a.startedAt - acceptingAt}..${a.endedAt - acceptingAt}`).join('\n'));
      }
      await sleep(1000);
    }
    reading = false;
    await Promise.all(readers);
    await writes.stop();

    const worst = Math.max(...recoveries);

    console.log(
      `[db-recovery] ${answers.length} page requests, ${writes.sent.length} writes (${writes.acknowledged().length} acknowledged), ` +
        `${terminated} connections terminated in 10 rounds; pages back to 200 after each of 3 fast restarts in ` +
        `${recoveries.map((r) => `${r} ms`).join(', ')} (worst ${worst} ms)`,
    );
    // One line when the database is lost and one when it is back, for each restart; none for the terminated
    // connections (fresh ones replaced them) and none per failed request.
    const events = world.server.json().filter((l) => String(l.event).startsWith('db.') || l.event === 'http.error');
    const lost = events.filter((l) => l.event === 'db.unavailable');
    const regained = events.filter((l) => l.event === 'db.available');
    if (process.env.DB_RECOVERY_DEBUG) console.log(events.map((l) => JSON.stringify(l)).join('\n'));
    console.log(`[db-recovery] log: ${lost.length} lost, ${regained.length} regained (${regained.map((l) => `${l.downMs} ms`).join(', ')})`);
    record('pages back after a restart, worst (ms)', worst);
    const statuses = [...answers.map((a) => a.status), ...writes.sent.map((s) => s.status ?? 0)];
    const count = (f: (s: number) => boolean) => statuses.filter(f).length;
    record('500s', count((s) => s >= 500 && s !== 503));
    record('unanswered requests', count((s) => s === 0));
    record('503s while the database was away', count((s) => s === 503));

    expect(terminated, 'the app had connections to terminate').toBeGreaterThan(0);
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503), 'no 500').toEqual([]);
    expect(writes.sent.filter((s) => s.status !== undefined && s.status >= 500 && s.status !== 503), 'no write answered 500').toEqual([]);
    expect(answers.filter((a) => a.status === 0), 'every page request answered').toEqual([]);
    expect(writes.sent.filter((s) => s.status === undefined), 'every write answered').toEqual([]);
    expect(worst, `pages back within ${RECOVERY_LIMIT_MS} ms of the database accepting connections`).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);

    const check = await durabilityCheck(world.db.db, writes.sent);
    expect(writes.acknowledged().length, 'some writes were acknowledged').toBeGreaterThan(5);
    expect(check.lost).toEqual([]);
    expect(check.halfWritten).toBe(0);
    const doubled = await queryRows<{ key: string }>(
      world.db.db,
      sql`select idempotency_key as key from progress_updates where note = 'stream' group by idempotency_key having count(*) > 1`,
    );
    expect(doubled, 'no write stored twice').toEqual([]);
    expect(events.filter((l) => l.event === 'http.error'), 'no error line per failed request').toEqual([]);
    expect(lost).toHaveLength(3);
    expect(regained).toHaveLength(3);
    expect(lost.every((l) => typeof l.detail === 'string' && l.detail.length > 0), 'the loss is logged with its detail').toBe(true);
  });
});

describe('what the client runs again after a lost connection (PostgreSQL)', () => {
  it('a read whose connection is terminated answers from a fresh one; a write is never run twice', async () => {
    const database = await createPgDatabase('srm_retry');
    const handle = openPostgres(database.url, { max: 3 });
    try {
      const { db } = handle;
      await db.execute(sql`create table t (x int)`);
      // Terminate every connection of the database while each statement is running on one.
      // (Drizzle's queries start when awaited: `then` starts the statement before the termination.)
      const terminated = async <T>(statement: PromiseLike<T>) => {
        const outcome = statement.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e }));
        await sleep(300);
        const n = await terminateConnections(database.name);
        return { n, outcome: await outcome };
      };

      const read = await terminated(queryRows<{ one: number }>(db, sql`select 1 as one from pg_sleep(1)`));
      expect(read.n).toBeGreaterThan(0);
      expect(read.outcome).toEqual({ ok: true, v: [{ one: 1 }] });

      const write = await terminated(db.execute(sql`insert into t select 1 from pg_sleep(1)`));
      expect(write.outcome.ok).toBe(false);
      // Drizzle wraps a single statement's error ("Failed query"); the classifier looks through it.
      expect(!write.outcome.ok && isDatabaseUnavailable(write.outcome.e)).toBe(true);

      const transaction = await terminated(
        db.transaction(async (tx) => {
          await tx.execute(sql`insert into t values (2)`);
          await tx.execute(sql`select pg_sleep(1)`);
        }),
      );
      expect(!transaction.outcome.ok && transaction.outcome.e).toBeInstanceOf(DatabaseUnavailableError);

      // Neither write was run again behind the caller's back, and the transaction left nothing half-written.
      expect(await queryRows<{ x: number }>(db, sql`select x from t`)).toEqual([]);
    } finally {
      await handle.close();
      await database.drop();
    }
  });
});
