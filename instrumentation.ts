// Runs once when the server process starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before the first request: each request's log line and context (client address, user) from Node's HTTP server.
  const { startRequestLog } = await import('./data/observability/request-log');
  const trust = startRequestLog();
  const { startServer } = await import('./data/startup');
  await startServer({ clientAddress: trust });
}

// Every request error, with the digest that error pages show as the reference id, as one JSON log line.
export { onRequestError } from './data/observability/on-request-error';
