import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db';

/**
 * Liveness and readiness in one: 200 with the database's state when a trivial query answers, 503 with the
 * reason when it does not. No authentication: it reveals nothing but up or down.
 */
export async function GET() {
  const started = performance.now();
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json(
      { status: 'ok', database: { driver: handle.driver, ok: true, latencyMs: Math.round(performance.now() - started) } },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    return Response.json(
      { status: 'unavailable', database: { ok: false, error: (error as Error).message } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
