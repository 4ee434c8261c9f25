import { checkReadiness } from '@/data/observability/health';

/**
 * Readiness: 200 with the driver when the database answers a query, 503 when it does not. No authentication,
 * so the body says only "unavailable": the driver's message names hosts, ports and databases, and goes to the
 * log instead (data/observability/health.ts). Liveness, which needs no database, is ./live.
 */
export async function GET() {
  const readiness = await checkReadiness();
  if (readiness.ok) {
    return Response.json(
      { status: 'ok', database: { driver: readiness.driver, ok: true, latencyMs: readiness.latencyMs } },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return Response.json(
    { status: 'unavailable', database: { ok: false, reason: 'database_unavailable' } },
    { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(readiness.retryAfterSeconds) } },
  );
}
