import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db';
import { databaseKnownAway, noteDatabaseFailure, RETRY_AFTER_SECONDS } from '@/db/availability';
import { DatabaseUnavailableError, errorDetail } from '@/db/errors';
import { log } from '@/lib/log';
import { databaseStatus } from '@/data/observability/db-probe';

/**
 * Readiness: 200 with the driver when the database answers a query, 503 when it does not. No authentication,
 * so the body says only "unavailable": the driver's message names hosts, ports and databases, and goes to the
 * log instead — once per outage, by the probe (db/availability.ts), which a failure here sets looking, so an
 * outage is logged even when this is the only route called. Liveness, which needs no database, is ./live.
 */
export async function GET() {
  const started = performance.now();
  try {
    // Known away: say so at once (the app's reads wait a while for the database to come back; this answer may not).
    if (databaseKnownAway() && !(await databaseStatus()).ok) throw new DatabaseUnavailableError('The database is unavailable.');
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    // Back after an outage: let the probe confirm it (and log how long it was gone).
    if (databaseKnownAway()) await databaseStatus();
    return Response.json(
      { status: 'ok', database: { driver: handle.driver, ok: true, latencyMs: Math.round(performance.now() - started) } },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    if (noteDatabaseFailure(error)) await databaseStatus();
    else log('error', 'health.failed', { detail: errorDetail(error) });
    return Response.json(
      { status: 'unavailable', database: { ok: false, reason: 'database_unavailable' } },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    );
  }
}
