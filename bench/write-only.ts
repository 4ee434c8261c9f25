/**
 * The write path alone: `writers` concurrent writers through the real createUpdate, without the
 * overview-visibility probe of bench/lib/write-path.ts (which needs a running server). Usage:
 *   npm run bench:write -- [url] [writers] [perWriter]
 */
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { benchWriters } from './lib/write-path';
import { BENCH } from './data/model';

const url = process.argv[2] || process.env.BENCH_DATABASE_URL || BENCH.defaultUrl;
const writers = Number(process.argv[3] ?? 20);
const perWriter = Number(process.argv[4] ?? 10);
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;

async function main() {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const { targets, handle, write: logOne } = await benchWriters(sql, url, writers, writers);
  const times: number[] = [];
  let errors = 0;
  const write = async (code: string, value: number) => {
    const { ms, result } = await logOne(code, value);
    if (!result.ok) {
      errors += 1;
      if (errors === 1) console.error(JSON.stringify(result));
    }
    return ms;
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
