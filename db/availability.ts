import { log } from '../lib/log';
import { classifyDbError, errorDetail, type Unavailable } from './errors';

/**
 * Whether the database is away. Queries that fail for want of the database only raise a suspicion; the probe
 * (data/observability/db-probe.ts: a trivial query on a connection of its own) decides, so that the log gets one
 * line when the database is lost (with the driver's detail, which is never shown to a visitor) and one when it
 * is back (with how long it was gone) — not a line per failed request, and none for a single dropped connection
 * that a fresh one replaced. Kept on globalThis: the proxy, the pages and the route handlers may be separate
 * module copies in one process.
 */
interface AvailabilityState {
  /** When the probe found the database away; undefined while it answers. */
  lostAt?: number;
  /** When a query last failed for want of the database: the probe should look now. */
  suspectAt?: number;
}
const state: AvailabilityState = ((globalThis as { __srmDbAvailability?: AvailabilityState }).__srmDbAvailability ??= {});

/** What a 503 for an unavailable database tells the client (Retry-After): try again in this many seconds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Records a failed database call: when the failure means "unavailable", the probe is asked to look (the proxy
 * then answers 503 to the next requests). Returns what the failure means, or null for an ordinary error.
 */
export function noteDatabaseFailure(error: unknown): Unavailable | null {
  const unavailable = classifyDbError(error);
  if (!unavailable) return null;
  state.suspectAt = Date.now();
  return unavailable;
}

/** The probe's verdict, for a probe started at `startedAt`: logs the loss and the return, once each. */
export function recordProbe(startedAt: number, failure?: unknown): void {
  if (state.suspectAt !== undefined && startedAt >= state.suspectAt) state.suspectAt = undefined;
  if (failure === undefined) {
    if (state.lostAt === undefined || startedAt < state.lostAt) return;
    const downMs = Date.now() - state.lostAt;
    state.lostAt = undefined;
    log('info', 'db.available', { downMs });
    return;
  }
  if (state.lostAt !== undefined) return;
  state.lostAt = Date.now();
  const kind = classifyDbError(failure);
  log('error', 'db.unavailable', { kind: kind?.kind ?? 'unknown', errorCode: kind?.code ?? null, detail: errorDetail(failure) });
}

export function databaseKnownAway(): boolean {
  return state.lostAt !== undefined;
}

/** A query failed for want of the database since the last probe started. */
export function databaseSuspect(): boolean {
  return state.suspectAt !== undefined;
}
