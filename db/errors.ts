/**
 * The one place that decides whether an error means "the database is unavailable" — answered 503 with
 * Retry-After everywhere (pages, route handlers, server actions, health), never 500 — and whether a read that
 * failed with it may be run once more on a fresh connection.
 */

import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/observability/unavailable-digest';

export type UnavailableKind =
  /** The connection died under the statement: terminated, reset, closed by the server or the pool. */
  | 'connection-lost'
  /** No connection could be made: refused, timed out, host not found. */
  | 'unreachable'
  /** The server is starting up, shutting down or in recovery. */
  | 'starting-or-stopping'
  | 'too-many-connections'
  /** Connected to a read-only server (a standby, or the old primary after a failover). */
  | 'read-only'
  /** The statement ran past the statement timeout: the database is too slow to answer now. */
  | 'timeout';

export interface Unavailable {
  kind: UnavailableKind;
  /** The SQLSTATE, postgres.js or Node error code that decided it. */
  code: string;
  /**
   * The statement never completed on a connection that is now gone; a read may run once more on a fresh
   * connection. Never a write: it may have been committed just before the connection died.
   */
  retryRead: boolean;
}

/** SQLSTATE codes (PostgreSQL's errcodes appendix) by what they mean for a caller. */
const sqlStates: Record<string, Omit<Unavailable, 'code'>> = {
  '57P01': { kind: 'connection-lost', retryRead: true }, // admin_shutdown: pg_terminate_backend, fast or smart stop
  '57P02': { kind: 'connection-lost', retryRead: true }, // crash_shutdown: another backend crashed
  '57P03': { kind: 'starting-or-stopping', retryRead: false }, // cannot_connect_now: starting up, shutting down, recovery
  '57P05': { kind: 'connection-lost', retryRead: true }, // idle_session_timeout
  '53300': { kind: 'too-many-connections', retryRead: false }, // too_many_connections
  '25006': { kind: 'read-only', retryRead: false }, // read_only_sql_transaction: a failover left us on a standby
  '57014': { kind: 'timeout', retryRead: false }, // query_canceled: the statement timeout
};

/** postgres.js's own connection errors, and Node's socket errors. */
const clientCodes: Record<string, Omit<Unavailable, 'code'>> = {
  CONNECTION_CLOSED: { kind: 'connection-lost', retryRead: true },
  CONNECTION_DESTROYED: { kind: 'connection-lost', retryRead: true },
  CONNECTION_ENDED: { kind: 'connection-lost', retryRead: false }, // the pool was ended: this process is closing it
  // The connection was still being opened: the statement was never sent. A pooled connection can stall while opening
  // although the server answers others at once (postgres.js 3.4.9: a connection whose socket closed with a write
  // still buffered never flushes its next small write, its startup message included), so a read tries a fresh one.
  CONNECT_TIMEOUT: { kind: 'unreachable', retryRead: true },
  ECONNRESET: { kind: 'connection-lost', retryRead: true },
  EPIPE: { kind: 'connection-lost', retryRead: true },
  ECONNREFUSED: { kind: 'unreachable', retryRead: false },
  ETIMEDOUT: { kind: 'unreachable', retryRead: false },
  EHOSTUNREACH: { kind: 'unreachable', retryRead: false },
  ENETUNREACH: { kind: 'unreachable', retryRead: false },
  ENOTFOUND: { kind: 'unreachable', retryRead: false },
  EAI_AGAIN: { kind: 'unreachable', retryRead: false },
};

/** Thrown (or wrapped around the driver's error) when the database cannot serve the request now. */
export class DatabaseUnavailableError extends Error {
  /** Next passes a server error's digest to the error boundary: it tells "unavailable" from a bug there. */
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(
    message: string,
    options?: { cause?: unknown },
    readonly unavailable?: Unavailable,
  ) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}
export { DATABASE_UNAVAILABLE_DIGEST };

/**
 * What this error means for availability, or null when it is an ordinary failure (a constraint, a bug).
 * Drizzle wraps driver errors ("Failed query: …") and Node wraps failed connection attempts in an
 * AggregateError: the causes and inner errors are looked through.
 */
export function classifyDbError(error: unknown): Unavailable | null {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): Unavailable | null => {
    if (!e || typeof e !== 'object' || depth > 6 || seen.has(e)) return null;
    seen.add(e);
    if (e instanceof DatabaseUnavailableError) return e.unavailable ?? { kind: 'unreachable', code: 'unavailable', retryRead: false };
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      const known = sqlStates[code] ?? clientCodes[code];
      if (known) return { ...known, code };
      // Class 08, connection exception: the connection is gone or was never made.
      if (/^08[0-9A-Z]{3}$/.test(code)) return { kind: 'connection-lost', code, retryRead: code !== '08001' && code !== '08004' };
    }
    for (const inner of [(e as { cause?: unknown }).cause, ...((e as { errors?: unknown[] }).errors ?? [])]) {
      const found = visit(inner, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(error, 0);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyDbError(error) !== null;
}

/** The innermost message, for the log only: it may name hosts and ports, never shown to a visitor. */
export function errorDetail(error: unknown): string {
  let e = error;
  for (let depth = 0; depth < 6 && (e as { cause?: unknown })?.cause; depth++) e = (e as { cause: unknown }).cause;
  const code = (e as { code?: unknown })?.code;
  const message = e instanceof Error ? e.message : String(e);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
