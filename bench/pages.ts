/**
 * Loads a few pages of a server that is already running (for profiling: start it with `node --cpu-prof …`), signed
 * in as the benchmark's committee member: per page, a warm-up, then 1 and 10 connections.
 *
 *   npm run bench:pages -- --origin http://127.0.0.1:3299 [--duration 5] /goals/G1 /reports/committee
 */
import { parseArgs } from 'node:util';
import { BENCH } from './data/model';
import { load } from './lib/load';
import { signIn } from './lib/server';

const { values, positionals } = parseArgs({
  options: { origin: { type: 'string' }, duration: { type: 'string', default: '5' } },
  allowPositionals: true,
});
if (!values.origin || positionals.length === 0) throw new Error('usage: bench:pages -- --origin URL [--duration S] PATH…');
const seconds = Number(values.duration);
const cookie = await signIn(values.origin, BENCH.committeeEmail, BENCH.password);
for (const page of positionals) {
  await load(`${values.origin}${page}`, cookie, 1, 2);
  const c1 = await load(`${values.origin}${page}`, cookie, 1, seconds);
  const c10 = await load(`${values.origin}${page}`, cookie, 10, seconds);
  console.log(`${page}: 1 conn ${c1.rps} req/s, p50 ${c1.p50} ms; 10 conn ${c10.rps} req/s, p50 ${c10.p50} / p95 ${c10.p95} ms; errors ${c1.errors + c10.errors}`);
}
