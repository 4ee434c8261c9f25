/**
 * Liveness: the process is up and serving. It touches no database, so an orchestrator does not restart a
 * healthy server during a database outage; readiness (../route.ts) is the check that runs a query.
 */
export function GET() {
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'Cache-Control': 'no-store' } });
}
