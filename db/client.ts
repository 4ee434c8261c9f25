import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import { DatabaseUnavailableError } from './errors';
import { applyRepeatableSql } from './repeatable-sql';
import { resilientClient, type Pools } from './resilient';
import * as schema from './schema';

/** One type for both drivers, so queries never care which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Driver = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  driver: Driver;
  /** Applies the committed migrations in ./drizzle, then the changed repeatable files of db/sql (idempotent). */
  migrate(): Promise<void>;
  /** Embedded store only: a gzipped tarball of the data folder (test templates, backups). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export { DatabaseUnavailableError } from './errors';

const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'drizzle');

export function defaultDataDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.PGLITE_DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data', 'pglite'),
  );
}

/** Hides credentials when a URL appears in an error message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export interface PostgresOptions {
  max?: number;
  /**
   * The longest a statement may run before the server cancels it (the caller then answers 503, not a hang).
   * The app server sets it; scripts that build large tables (benchmark data, restores) leave it off.
   */
  statementTimeoutMs?: number;
  /** Seconds to wait for a new connection (CONNECT_TIMEOUT_S by default). */
  connectTimeoutS?: number;
  /**
   * How long a read that met an outage waits for the database (db/resilient.ts, READ_WAIT_MS by default); 0 for
   * a client that must report at once, as the availability probe's.
   */
  readWaitMs?: number;
}

/**
 * Seconds to wait for a new connection: a server that is away is reported within moments, not after postgres.js's
 * 30. A connection made while the server is shutting down can sit unanswered until then, and so can a pooled
 * connection that postgres.js left unable to send its startup message (db/errors.ts, CONNECT_TIMEOUT): a read
 * caught by that runs again on a fresh connection, and both waits together must leave the page time to answer
 * soon after the database is back.
 */
const CONNECT_TIMEOUT_S = 1;

export function openPostgres(url: string, options: PostgresOptions = {}): DbHandle {
  const max = options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10);
  const pool = (size: number, idleSeconds: number) => postgres(url, {
    max: size,
    connect_timeout: options.connectTimeoutS ?? CONNECT_TIMEOUT_S,
    // Idle connections are closed and none lives for ever, so a connection that a pooler, a NAT or a failover
    // dropped without a word is not handed to a request long after.
    idle_timeout: idleSeconds,
    max_lifetime: 15 * 60,
    // postgres.js waits before reconnecting a connection that closed while it was being opened, and the wait
    // grows with every failed attempt across the whole pool (up to 20 s by default): after an outage of a few
    // seconds the first requests then hung. Reconnect within half a second at most.
    backoff: (attempt: number) => Math.min(0.05 * attempt, 0.5),
    onnotice: () => {},
    connection: {
      // The dashboards' statements are short and planned against summary tables; PostgreSQL's JIT compiler,
      // triggered by cost estimates of branches that never run, spent most of the overview's time compiling
      // (EXPLAIN ANALYZE in bench/README.md). Off for the app's sessions only.
      jit: 'off',
      ...(options.statementTimeoutMs
        ? { statement_timeout: options.statementTimeoutMs, idle_in_transaction_session_timeout: 2 * options.statementTimeoutMs }
        : {}),
    },
  });
  const client = pool(max, 30);
  // Clients made later decode values as this one does: drizzle set its parsers and serializers (dates as text) on it.
  const likeClient = (sql: Sql) => {
    Object.assign(sql.options.parsers, client.options.parsers);
    Object.assign(sql.options.serializers, client.options.serializers);
    return sql;
  };
  let current = client;
  const pools: Pools = {
    current: () => current,
    // A one-connection client for a read that lost its connection (db/resilient.ts).
    fresh: () => likeClient(pool(1, 1)),
    // A connection that could not be opened in time may be one that postgres.js can no longer open at all: one whose
    // socket closed while a write was still buffered keeps a stale write timer, so its next small write (the startup
    // message) is never sent and each later attempt waits out the connect timeout again. A new pool has none of
    // those; the old one finishes what it is running and closes.
    stalled(stalledPool) {
      if (stalledPool !== current) return;
      current = likeClient(pool(max, 30));
      void stalledPool.end({ timeout: 5 }).catch(() => {});
    },
  };
  const db = drizzlePostgres({ client: resilientClient(client, pools, options.readWaitMs), schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    async migrate() {
      // Its own connection, without the statement timeout: a migration on a large database may take a while.
      const migrator = postgres(url, { max: 1, connect_timeout: CONNECT_TIMEOUT_S, onnotice: () => {} });
      try {
        await migratePostgres(drizzlePostgres({ client: migrator, schema }), { migrationsFolder });
        await applyRepeatableSql((fn) =>
          migrator
            .begin(async (tx) => {
              await fn({
                script: async (text) => void (await tx.unsafe(text).simple()),
                query: async <T,>(text: string, params: unknown[]) => (await tx.unsafe(text, params as never[])) as unknown as T[],
              });
            })
            .then(() => undefined),
        );
      } catch (error) {
        throw explainPostgresError(error, url);
      } finally {
        await migrator.end({ timeout: 5 });
      }
    },
    close: () => current.end({ timeout: 5 }),
  };
}

/** Drizzle wraps driver errors ("Failed query: …"); the code that explains them is on a cause. */
function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function explainPostgresError(error: unknown, url: string): Error {
  const code = errorCode(error);
  const known: Record<string, string> = {
    ECONNREFUSED: 'nothing is listening at that host and port',
    ENOTFOUND: 'the host name does not resolve',
    CONNECT_TIMEOUT: 'the connection timed out',
    '3D000': 'the database does not exist (create it first)',
    '28P01': 'the password was refused',
    '28000': 'the role is not allowed to connect',
  };
  let innermost = error;
  while ((innermost as { cause?: unknown })?.cause) innermost = (innermost as { cause: unknown }).cause;
  const why = (code && known[code]) ?? (innermost instanceof Error ? innermost.message : String(innermost));
  return new DatabaseUnavailableError(`Cannot use PostgreSQL at ${redactUrl(url)}: ${why}.`, { cause: error });
}

/**
 * PGlite has no locking of its own: two instances on one folder corrupt it. A lock file naming the owning
 * process refuses a second process; a lock left by a dead process is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseUnavailableError(
        `The embedded database at ${dataDir} is in use by process ${pid}. Stop it, or set PGLITE_DATA_DIR to another folder.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens (creating if needed) an embedded database. `dataDir` undefined means in memory. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<DbHandle> {
  // Loaded only when the embedded store is used: a server on PostgreSQL never holds PGlite's code.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  let release = () => {};
  let client: PGlite;
  if (dataDir) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    release = acquireLock(dataDir);
    client = await openOrReplaceDamaged(PGlite, dataDir);
  } else {
    client = new PGlite({ loadDataDir });
    await client.waitReady;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
      await applyRepeatableSql((fn) =>
        client.transaction(async (tx) => {
          await fn({
            script: async (text) => void (await tx.exec(text)),
            query: async <T,>(text: string, params: unknown[]) => (await tx.query<T>(text, params)).rows,
          });
        }),
      );
    },
    dumpDataDir: async () => client.dumpDataDir('gzip'),
    async close() {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite does not fsync, so a killed process can leave a folder that no longer opens. Set it aside with a
 * clear message and start fresh rather than crash-looping: the embedded store is for demos and laptops.
 */
async function openOrReplaceDamaged(PGliteClass: typeof PGlite, dataDir: string): Promise<PGlite> {
  try {
    const client = new PGliteClass(dataDir);
    await client.waitReady;
    await client.query('select 1');
    return client;
  } catch (error) {
    if (!existsSync(dataDir)) throw error;
    const aside = `${dataDir}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, aside);
    console.error(
      `[db] The embedded database at ${dataDir} could not be opened (${(error as Error).message}). ` +
        `It was moved to ${aside}; starting with a fresh demo database.`,
    );
    const client = new PGliteClass(dataDir);
    await client.waitReady;
    return client;
  }
}

/** Opens the database this process is configured for: PostgreSQL by DATABASE_URL, else embedded PGlite. */
export async function openConfiguredDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, { statementTimeoutMs: appStatementTimeoutMs() });
  return openPglite(defaultDataDir());
}

/** The app server's statement timeout: DATABASE_STATEMENT_TIMEOUT_MS, 10 s by default, 0 for none. */
export function appStatementTimeoutMs(): number {
  const configured = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 10_000);
  return Number.isFinite(configured) && configured >= 0 ? configured : 10_000;
}
