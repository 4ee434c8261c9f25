/**
 * The write path alone (issue 9): `writers` concurrent writers through the real createUpdate, without the
 * overview-visibility probe of bench/lib/write-path.ts (which needs a running server). Usage:
 *   npm run bench:write -- [url] [writers] [perWriter]
 */
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { createUpdate } from '@/db/queries/updates/create';
import { BENCH } from './data/model';

const url = process.argv[2] || process.env.BENCH_DATABASE_URL || BENCH.defaultUrl;
const writers = Number(process.argv[3] ?? 20);
const perWriter = Number(process.argv[4] ?? 10);
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;

async function main() {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [plan] = await sql`select id from work_plans where year = ${BENCH.planYear} and status = 'endorsed'`;
  const planId = Number(plan!.id);
  const targets = await sql<{ id: number; code: string }[]>`
    select id, code from indicators where plan_id = ${planId} and source = 'manual' and value_kind = 'count'
      and accumulation = 'non_cumulative' and 'city' = any(disaggregations) order by id limit ${writers}`;
  const [city] = await sql`select id from cities where archived_at is null order by id limit 1`;
  const [staff] = await sql`select id from users where role = 'staff' order by email limit 1`;
  const handle = openPostgres(url, { max: writers });
  const times: number[] = [];
  let errors = 0;
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
    if (!result.ok) {
      errors += 1;
      if (errors === 1) console.error(JSON.stringify(result));
    }
    return performance.now() - started;
  };
  try {
    await Promise.all(targets.map((t) => write(t.code, 1)));
    // CPU spent per write, independent of how busy the machine is: this process and the pool's backends.
    const pids = (await sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`).map((r) => Number(r.pid));
    const ticks = () =>
      pids.reduce((sum, pid) => {
        try {
          const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          return sum + Number(f[11]) + Number(f[12]);
        } catch {
          return sum;
        }
      }, 0);
    const pgBefore = ticks();
    const nodeBefore = process.cpuUsage();
    await Promise.all(
      targets.map(async (t) => {
        for (let k = 0; k < perWriter; k++) times.push(await write(t.code, 1 + (k % 5)));
      }),
    );
    const node = process.cpuUsage(nodeBefore);
    const pgMsPerWrite = ((ticks() - pgBefore) * 10) / times.length;
    const nodeMsPerWrite = (node.user + node.system) / 1000 / times.length;
    times.sort((a, b) => a - b);
    const r = (x: number) => Math.round(x * 10) / 10;
    console.log(
      JSON.stringify({ writers: targets.length, writes: times.length, p50: r(pct(times, 50)), p95: r(pct(times, 95)), max: r(times.at(-1) ?? 0), errors, pgCpuMsPerWrite: r(pgMsPerWrite), nodeCpuMsPerWrite: r(nodeMsPerWrite) }),
    );
  } finally {
    await handle.close();
    await sql`delete from progress_updates where note = 'benchmark write'`;
    await sql.end();
  }
}

void main();
