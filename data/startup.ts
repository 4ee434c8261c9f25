import { getDbHandle } from '@/db';
import { modeLine } from '@/lib/demo-mode';
import { ensureAuthSecret, readEnv } from '@/lib/env';

/**
 * Server start (Node runtime only): check the environment, then open, migrate and — on an empty embedded
 * store — seed the database, so that the first visitor does not wait for it.
 */
export async function startServer(options: { clientAddress: string }): Promise<void> {
  try {
    ensureAuthSecret(readEnv());
  } catch (error) {
    // A misconfigured production server must not start half-working: say why and stop.
    console.error(`[config] ${(error as Error).message}`);
    process.exit(1);
  }
  console.info(modeLine());
  console.info(`[http] client addresses: ${options.clientAddress}`);
  try {
    const handle = await getDbHandle();
    console.info(`[db] ready (${handle.driver})`);
    // Background jobs (reminders, digests, e-mail delivery): pg-boss on PostgreSQL, timers on the embedded store.
    const { startJobs } = await import('./jobs/runner');
    await startJobs(handle).catch((error: Error) => console.error(`[jobs] not started: ${error.message}`));
  } catch (error) {
    // The server still starts: pages answer "service unavailable" and /api/health says why until it is back.
    console.error(`[db] not ready: ${(error as Error).message}`);
  }
  const { browserChoice } = await import('@/server/pdf/browser');
  const choice = await browserChoice();
  console.info(
    choice.kind === 'none'
      ? `[pdf] no browser for PDFs (${choice.label}): PDF downloads answer 503; install Chrome or Chromium, or set CHROMIUM_PATH`
      : `[pdf] PDFs print with ${choice.label} (started on the first PDF)`,
  );
}
