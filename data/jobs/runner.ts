import type { DbHandle } from '@/db/client';
import { recordRun } from '@/db/queries/notifications/job-runs';
import { DELIVERY_JOB, jobDefinitions, RETRY, type JobDefinition } from './definitions';

/**
 * Starts the background jobs. With PostgreSQL they run on pg-boss (a kept job queue whose tables live in the same
 * database, schema `pgboss`): cron schedules, retries with exponential backoff, one queued and one active run per
 * job (policy 'stately'), and any number of app processes or `npm run worker`s may run them. With the embedded
 * PGlite store (a demo, one process) the same functions run on timers in the process, retried with the same
 * backoff. Every run is recorded in job_runs for the admins' jobs page. JOBS=off starts none (when a separate
 * worker runs them).
 */
export async function startJobs(handle: DbHandle, url = process.env.DATABASE_URL): Promise<() => Promise<void>> {
  if (process.env.JOBS === 'off') return async () => {};
  if (handle.driver === 'postgres' && url) return startQueue(handle, url);
  return startTimers(handle);
}

const log = (fields: object) => console.info(JSON.stringify({ level: 'info', source: 'jobs', ...fields }));

async function startQueue(handle: DbHandle, url: string) {
  const { PgBoss } = await import('pg-boss');
  const boss = new PgBoss({ connectionString: url, max: 3, schema: 'pgboss', application_name: 'srm-jobs' });
  boss.on('error', (error) => console.error(JSON.stringify({ level: 'error', source: 'jobs', message: (error as Error).message })));
  await boss.start();
  for (const job of jobDefinitions) {
    await boss.createQueue(job.name, { policy: 'stately', retryLimit: RETRY.limit, retryDelay: RETRY.delaySeconds, retryBackoff: true, expireInSeconds: 600 });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, async ([j]) => {
      const result = await recordRun(handle.db, job.name, 'pg-boss', (j?.retryCount ?? 0) + 1, () => job.run(handle.db));
      // New notifications are mailed now rather than at the next minute's delivery.
      if ('written' in result && Number(result.written) > 0) await boss.send(DELIVERY_JOB, {});
      return result;
    });
  }
  // Reminders once at start, so a fresh server does not wait for the next hour.
  await boss.send('reporting-reminders', {});
  log({ message: `jobs on pg-boss: ${jobDefinitions.map((j) => j.name).join(', ')}` });
  return async () => {
    await boss.stop({ graceful: true, timeout: 10_000 });
  };
}

function startTimers(handle: DbHandle) {
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const schedule = (job: JobDefinition, delay: number, attempt: number) => {
    if (stopped) return;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      try {
        await recordRun(handle.db, job.name, 'in-process', attempt, () => job.run(handle.db));
        schedule(job, job.everyMs, 1);
      } catch {
        // Retry with exponential backoff, then go back to the job's own rhythm.
        const retry = attempt <= RETRY.limit;
        schedule(job, retry ? RETRY.delaySeconds * 1000 * 2 ** (attempt - 1) : job.everyMs, retry ? attempt + 1 : 1);
      }
    }, delay);
    timer.unref();
    timers.add(timer);
  };
  // Staggered first runs: reminders first, then delivery, so the first sign-in already has them.
  jobDefinitions.forEach((job, i) => schedule(job, 2_000 + i * 1_000, 1));
  log({ message: `jobs in-process on timers: ${jobDefinitions.map((j) => j.name).join(', ')}` });
  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
  };
}
