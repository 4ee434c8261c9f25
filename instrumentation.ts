// Runs once when the server process starts (not during `next build`): check the environment, then open,
// migrate and (on an empty embedded store) seed the database, so the first visitor does not wait for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { ensureAuthSecret, readEnv } = await import('./lib/env');
  try {
    ensureAuthSecret(readEnv());
  } catch (error) {
    // A misconfigured production server must not start half-working: say why and stop.
    console.error(`[config] ${(error as Error).message}`);
    process.exit(1);
  }
  const { getDbHandle } = await import('./db');
  try {
    const handle = await getDbHandle();
    console.info(`[db] ready (${handle.driver})`);
  } catch (error) {
    // The server still starts: pages answer 503 and /api/health says why until the database is reachable.
    console.error(`[db] not ready: ${(error as Error).message}`);
  }
}
