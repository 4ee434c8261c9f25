import 'server-only';
import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db';
import { databaseKnownAway, noteDatabaseFailure, RETRY_AFTER_SECONDS } from '@/db/availability';
import { DatabaseUnavailableError, errorDetail } from '@/db/errors';
import { log } from '@/lib/log';
import { databaseStatus } from './db-probe';

export type Readiness =
  | { ok: true; driver: string; latencyMs: number }
  | { ok: false; retryAfterSeconds: number };

/**
 * Does the database answer a query now? For the readiness route (/api/health). A failure goes to the log —
 * once per outage, by the probe (db/availability.ts), which a failure here sets looking, so an outage is logged
 * even when this is the only route called; the driver's message, which names hosts and databases, goes nowhere else.
 */
export async function checkReadiness(): Promise<Readiness> {
  const started = performance.now();
  try {
    // Known away: say so at once (the app's reads wait a while for the database to come back; this answer may not).
    if (databaseKnownAway() && !(await databaseStatus()).ok) throw new DatabaseUnavailableError('The database is unavailable.');
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    // Back after an outage: let the probe confirm it (and log how long it was gone).
    if (databaseKnownAway()) await databaseStatus();
    return { ok: true, driver: handle.driver, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (noteDatabaseFailure(error)) await databaseStatus();
    else log('error', 'health.failed', { detail: errorDetail(error) });
    return { ok: false, retryAfterSeconds: RETRY_AFTER_SECONDS };
  }
}
