import type { Sql } from 'postgres';
import { openPostgres } from '@/db/client';
import { currentKnowledge, planActuals } from '@/db/read-model';
import { createUpdate } from '@/db/queries/updates/create';
import { BENCH } from '../data/model';
import { round } from './sql-timing';

/**
 * The write path: `writers` concurrent writers, each logging updates on its own indicator through the real
 * createUpdate (checks, idempotency lock, insert and audit row in one transaction), on a pool the size of the
 * writers. Then one more update, and the delay from its commit until an overview load that started after the
 * commit has been served, with a check that the overview's figures (planActuals, submitted counted) show it.
 * The benchmark's updates are removed afterwards (see below).
 */
export interface WriteResult {
  writers: number;
  writes: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
  visibleOnNextLoad: boolean;
  visibilityDelayMs: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/**
 * The benchmark's writers: `count` non-cumulative city indicators (one per writer), one city, one staff member,
 * a pool of `poolSize`, and `write(code, value)` logging one submitted update through the real createUpdate.
 */
export async function benchWriters(sql: Sql, url: string, count: number, poolSize: number) {
  const [plan] = await sql`select id from work_plans where year = ${BENCH.planYear} and status = 'endorsed'`;
  const planId = Number(plan!.id);
  const targets = await sql<{ id: number; code: string }[]>`
    select id, code from indicators where plan_id = ${planId} and source = 'manual' and value_kind = 'count'
      and accumulation = 'non_cumulative' and 'city' = any(disaggregations) order by id limit ${count}`;
  const [city] = await sql`select id from cities where archived_at is null order by id limit 1`;
  const [staff] = await sql`select id from users where role = 'staff' order by email limit 1`;
  const handle = openPostgres(url, { max: poolSize });
  const write = async (code: string, value: number) => {
    const started = performance.now();
    const result = await createUpdate(handle.db, {
      planId,
      indicatorCode: code,
      period: BENCH.asOf,
      place: { cityId: Number(city!.id) },
      figures: { value: String(value) },
      note: 'benchmark write',
      evidenceUrl: '',
      status: 'submitted',
      idempotencyKey: crypto.randomUUID(),
      confirmed: true,
      actorId: String(staff!.id),
    });
    return { ms: performance.now() - started, result };
  };
  return { planId, targets, handle, write };
}

export async function writePath(sql: Sql, url: string, opts: { writers: number; perWriter: number; overviewUrl: string; cookie: string }): Promise<WriteResult> {
  const { planId, targets, handle, write: logOne } = await benchWriters(sql, url, opts.writers + 1, opts.writers);
  const times: number[] = [];
  let errors = 0;
  let n = 0;
  const write = async (code: string, value: number) => {
    const { ms, result } = await logOne(code, value);
    if (!result.ok) errors += 1;
    n += 1;
    return ms;
  };
  try {
    // One write each first, so that connection set-up is not counted.
    await Promise.all(targets.slice(0, opts.writers).map((t) => write(t.code, 1)));
    n = 0;
    await Promise.all(
      targets.slice(0, opts.writers).map(async (t) => {
        for (let k = 0; k < opts.perWriter; k++) times.push(await write(t.code, 1 + (k % 5)));
      }),
    );
    const probe = targets[opts.writers] ?? targets[0]!;
    const counted = ['approved', 'submitted'] as const;
    const before = (await planActuals(handle.db, planId, currentKnowledge(BENCH.asOf), [...counted])).get(probe.id)?.value ?? 0;
    await write(probe.code, 1000);
    const committed = performance.now();
    const res = await fetch(opts.overviewUrl, { headers: { cookie: opts.cookie } });
    await res.text();
    const delay = performance.now() - committed;
    const after = (await planActuals(handle.db, planId, currentKnowledge(BENCH.asOf), [...counted])).get(probe.id)?.value ?? 0;
    times.sort((a, b) => a - b);
    return {
      writers: opts.writers,
      writes: n,
      p50: round(pct(times, 50), 1),
      p95: round(pct(times, 95), 1),
      max: round(times.at(-1) ?? 0, 1),
      errors,
      visibleOnNextLoad: res.ok && Math.round(after - before) === 1000,
      visibilityDelayMs: round(delay, 1),
    };
  } finally {
    await handle.close();
    // The benchmark's own updates go again (its audit rows stay: the log is append-only), so that every run
    // starts from the same data and the database's as-of date stays "today" (nothing created after it).
    await sql`delete from progress_updates where note = 'benchmark write'`;
  }
}
