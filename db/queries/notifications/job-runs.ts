import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { jobRuns } from '../../schema';

/** Each run of a background job, recorded for the admins' jobs page: last run, its outcome, and failures. */

export async function recordRun<T>(db: Db, job: string, runner: string, attempt: number, work: () => Promise<T>): Promise<T> {
  const [run] = await db.insert(jobRuns).values({ job, runner, attempt }).returning({ id: jobRuns.id });
  try {
    const result = await work();
    await db.update(jobRuns).set({ finishedAt: new Date(), ok: true, result: result as object }).where(eq(jobRuns.id, run!.id));
    return result;
  } catch (error) {
    await db
      .update(jobRuns)
      .set({ finishedAt: new Date(), ok: false, error: String((error as Error)?.message ?? error).slice(0, 2000) })
      .where(eq(jobRuns.id, run!.id))
      .catch(() => undefined);
    throw error;
  }
}

/** Per job: its last run and last failure, and how many runs failed in the last seven days. */
export async function jobSummary(db: Db) {
  return db
    .select({
      job: jobRuns.job,
      lastStartedAt: sql<Date>`max(${jobRuns.startedAt})`.mapWith(jobRuns.startedAt),
      lastOkAt: sql<Date | null>`max(${jobRuns.finishedAt}) filter (where ${jobRuns.ok})`.mapWith(jobRuns.finishedAt),
      lastFailedAt: sql<Date | null>`max(${jobRuns.finishedAt}) filter (where not ${jobRuns.ok})`.mapWith(jobRuns.finishedAt),
      failures7d: sql<number>`count(*) filter (where not ${jobRuns.ok} and ${jobRuns.startedAt} > now() - interval '7 days')`.mapWith(Number),
      runs7d: sql<number>`count(*) filter (where ${jobRuns.startedAt} > now() - interval '7 days')`.mapWith(Number),
    })
    .from(jobRuns)
    .groupBy(jobRuns.job)
    .orderBy(jobRuns.job);
}

export async function recentFailures(db: Db, limit = 20) {
  return db.select().from(jobRuns).where(eq(jobRuns.ok, false)).orderBy(desc(jobRuns.startedAt)).limit(limit);
}

/** Runs older than a month go, so the table stays small however often the jobs run. */
export async function pruneRuns(db: Db): Promise<number> {
  const rows = await db.delete(jobRuns).where(sql`${jobRuns.startedAt} < now() - interval '30 days'`).returning({ id: jobRuns.id });
  return rows.length;
}
