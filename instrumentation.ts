// Runs once when the server process starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./data/startup');
  await startServer();
}

// Every request error, with the digest that error pages show as the reference id, as one JSON log line.
export { onRequestError } from './data/observability/on-request-error';
