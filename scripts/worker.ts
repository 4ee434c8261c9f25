// `npm run worker`: runs the background jobs (pg-boss on DATABASE_URL) outside the web server. Start the web
// servers with JOBS=off when a worker runs them; any number of workers may run side by side.
import { openConfiguredDatabase } from '@/db/client';
import { startJobs } from '@/data/jobs/runner';

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error('The worker needs DATABASE_URL (PostgreSQL); with the embedded store the jobs run inside the app.');
    process.exit(1);
  }
  const handle = await openConfiguredDatabase();
  await handle.migrate();
  const stop = await startJobs(handle);
  const shutdown = async () => {
    await stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
