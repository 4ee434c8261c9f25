import type { Sql } from 'postgres';
import { noteDatabaseFailure, recordProbe } from './availability';
import { classifyDbError, DatabaseUnavailableError } from './errors';

/** The connections behind the app's client (db/client.ts). */
export interface Pools {
  /** The pool statements run on now. */
  current(): Sql;
  /** A one-connection client opened for one statement, closed right after. */
  fresh(): Sql;
  /** A connection of `pool` could not be opened in time: stop using that pool. */
  stalled(pool: Sql): void;
}

/**
 * The postgres.js client as drizzle sees it, with the two things a pool needs when the server goes away and
 * comes back:
 * - a read that failed because its connection died (terminated, reset, closed) or could not be opened in time runs
 *   once more, on a connection opened for it (`fresh`), closed right after. Any connection that already existed may
 *   have died in the same moment without the client having read its close yet (all connections go at once when the
 *   server restarts or a pooler drops them), and a retry there fails the same way. A write is never run again: it
 *   may have been committed just before the connection died (the forms' idempotency keys make a resubmission safe);
 * - a failure that means "the database is unavailable" becomes a DatabaseUnavailableError and is recorded once
 *   (db/availability.ts), so that pages, route handlers and actions answer 503 instead of 500.
 * Drizzle calls `unsafe` for every statement outside a transaction and `begin` for transactions; statements inside
 * a transaction run on the transaction's own connection and fail the transaction as a whole. `client` is the pool
 * drizzle was given (it keeps its parsers there); statements go to `pools.current()`.
 */
export function resilientClient(client: Sql, pools: Pools, readWaitMs = READ_WAIT_MS): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: never[], options?: object) => pendingRead(pools, query, parameters, options, readWaitMs);
      }
      if (property === 'begin') {
        return (...args: unknown[]) => guarded(pools, (pool) => (pool.begin as (...a: unknown[]) => Promise<unknown>)(...args), null, 0);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** A statement that only reads: no data-changing statement inside it, no function with a side effect. */
export function readOnly(query: string): boolean {
  // Comments and string literals may say anything ("the latest update"): judge the statement's own words.
  const words = query.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''");
  return (
    /^\s*(select|with)\b/i.test(words) &&
    !/\b(insert\s+into|delete\s+from|merge\s+into|update\s+("[^"]+"|\w+)(\s*\.\s*("[^"]+"|\w+))?(\s+(as\s+)?\w+)?\s+set)\b/i.test(words) &&
    !/\b(nextval|setval|pg_advisory\w*|set_config|pg_notify)\s*\(/i.test(words)
  );
}

/**
 * How long a read that met an outage waits for the database to come back before it fails. Next answers an error
 * thrown while rendering a page with 500 and offers no way to answer 503 instead; the proxy answers 503 to every
 * request that arrives while the database is known to be away (data/observability/db-probe.ts), so only reads
 * already past it meet the outage, and a restart or a failover is over within this wait. Shorter than the
 * clients' patience; a database away for longer fails these reads (the error page says so and retries).
 */
export const READ_WAIT_MS = 6000;
const READ_RETRY_EVERY_MS = 200;
const waitable = new Set(['connection-lost', 'unreachable', 'starting-or-stopping']);

async function guarded<T>(pools: Pools, run: (pool: Sql) => Promise<T>, retry: (() => Promise<T>) | null, waitMs: number): Promise<T> {
  const pool = pools.current();
  try {
    return await run(pool);
  } catch (error) {
    const first = classifyDbError(error);
    if (!first) throw error;
    if (first.code === 'CONNECT_TIMEOUT') pools.stalled(pool);
    // Recorded at once, so that the probe looks now and the next requests are turned away with 503 meanwhile.
    noteDatabaseFailure(error);
    if (!retry || !waitable.has(first.kind)) throw unavailable(error);
    // A read whose connection died runs again at once on a fresh connection; one that found the server away
    // (or whose retry did) tries again every moment until the wait is over.
    const deadline = Date.now() + waitMs;
    let foundAway = false;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 || !first.retryRead) await new Promise((r) => setTimeout(r, READ_RETRY_EVERY_MS));
      const startedAt = Date.now();
      try {
        const answer = await retry();
        // A fresh connection that answers after one was refused is the database back: said once (db/availability.ts).
        if (foundAway) recordProbe(startedAt);
        return answer;
      } catch (again) {
        const why = classifyDbError(again);
        if (!why || !waitable.has(why.kind) || Date.now() >= deadline) throw unavailable(again);
        // A fresh connection refused is what the probe would find: the database is away (logged once, and the proxy
        // turns the next requests away at once). A dropped connection alone is not.
        if (why.kind !== 'connection-lost') {
          foundAway = true;
          recordProbe(startedAt, again);
        }
      }
    }
  }
}

function unavailable(error: unknown): unknown {
  const kind = noteDatabaseFailure(error);
  if (!kind) return error;
  return new DatabaseUnavailableError('The database is unavailable.', { cause: error }, kind);
}

/**
 * What drizzle gets back from `unsafe`: awaited, or asked for `.values()` (rows as arrays). The statement is
 * only sent when one of the two is used, as with postgres.js's own pending query.
 */
function pendingRead(pools: Pools, query: string, parameters: never[] | undefined, options: object | undefined, waitMs: number) {
  const read = readOnly(query);
  const run = (values: boolean) => (pool: Sql) => {
    const pending = pool.unsafe(query, parameters, options);
    return (values ? pending.values() : pending) as unknown as Promise<unknown>;
  };
  const retry = (values: boolean) => async () => {
    const once = pools.fresh();
    try {
      const pending = once.unsafe(query, parameters, options);
      return (await (values ? pending.values() : pending)) as unknown;
    } finally {
      void once.end({ timeout: 1 }).catch(() => {});
    }
  };
  return {
    values: () => guarded(pools, run(true), read ? retry(true) : null, waitMs),
    then: <A, B>(resolve?: (value: unknown) => A, reject?: (reason: unknown) => B) =>
      guarded(pools, run(false), read ? retry(false) : null, waitMs).then(resolve, reject),
  };
}
