// `npm run bench -- [--database URL] [--app DIR] [--dist .next-bench] [--port 3205] [--build] [--duration 10]`
// The benchmark against a database made by `npm run bench:data`: SQL time of each dashboard query
// (EXPLAIN ANALYZE of the real query functions), route latency and throughput at 1 and 10 connections on the
// production server and each page's ratio to the floor (bench/floor, a bare Next app built and served in the same
// run, on port + 1), the write path, peak memory. Writes bench/results/<date>-<size>.json and .md; prints the
// table (with growth against the other size's latest result, if any). See bench/README.md.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { indicatorChart } from '@/db/queries/charts/indicator-chart';
import { getOverview } from '@/db/queries/overview';
import { currentKnowledge, indicatorSeries, logBreakdown, planActuals } from '@/db/read-model';
import { committeeReport } from '@/db/queries/report/committee';
import { periodsBetween } from '@/lib/periods';
import { BENCH } from './data/model';
import { floorMisses, floorTable, meanLoad, type FloorResult } from './lib/floor-report';
import { floorPaths, stackFloorCookie, startFloor, type FloorServer } from './lib/floor';
import { twoInstances } from './lib/instances';
import { load, type LoadResult } from './lib/load';
import { pdfBench } from './lib/pdf';
import { table, type BenchResult } from './lib/report';
import { build, signIn, start } from './lib/server';
import { recordingDb, round, timeQueries, type SqlTiming } from './lib/sql-timing';
import { writePath } from './lib/write-path';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? BENCH.defaultUrl },
    app: { type: 'string', default: process.cwd() },
    dist: { type: 'string', default: '.next-bench' },
    'floor-dist': { type: 'string', default: '.next-floor' },
    port: { type: 'string', default: '3205' },
    build: { type: 'boolean', default: false },
    'sql-only': { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    writes: { type: 'string', default: '10' },
    out: { type: 'string', default: path.join(process.cwd(), 'bench', 'results') },
  },
});
const log = (m: string) => process.stderr.write(`${m}\n`);
const url = values.database!;
const seconds = Number(values.duration);

async function sqlTimings(sql: postgres.Sql) {
  const recorder = recordingDb(sql);
  const [plan] = await sql`select id from work_plans where year = ${BENCH.planYear} and status = 'endorsed'`;
  const planId = Number(plan!.id);
  // The heaviest city-disaggregated indicator of each accumulation kind: the worst case for its chart.
  const heavy = await sql<{ id: number; code: string; accumulation: 'non_cumulative' | 'cumulative' | 'snapshot'; frequency: 'quarterly' }[]>`
    select distinct on (i.accumulation) i.id, i.code, i.accumulation, i.frequency
    from indicators i join lateral (select count(*) n from progress_updates u where u.indicator_id = i.id) c on true
    where i.plan_id = ${planId} and i.source = 'manual' and 'city' = any(i.disaggregations) and i.value_kind = 'count'
    order by i.accumulation, c.n desc, i.id`;
  const statuses = ['approved'] as const;
  const worst = async (fn: (h: (typeof heavy)[number]) => (db: never) => Promise<unknown>) => {
    let out: SqlTiming | undefined;
    for (const h of heavy) {
      const t = await timeQueries(sql, recorder, fn(h) as never);
      if (!out || t.totalMs > out.totalMs) out = t;
    }
    return out!;
  };
  const begun = (frequency: 'quarterly') => periodsBetween(frequency, BENCH.planStart, BENCH.planEnd).filter((p) => p.start <= BENCH.asOf);
  const timings: Record<string, SqlTiming> = {
    chartSeries: await worst((h) => (db) => indicatorSeries(db, h.id, h.accumulation, begun(h.frequency), currentKnowledge(BENCH.asOf), [...statuses])),
    breakdown: await worst((h) => (db) => logBreakdown(db, h.id, h.accumulation, 'city', currentKnowledge(BENCH.asOf), [...statuses], 5)),
    indicatorChart: await worst((h) => (db) => indicatorChart(db, h.id)),
    overviewActuals: await timeQueries(sql, recorder, (db) => planActuals(db, planId, currentKnowledge(BENCH.asOf), [...statuses])),
    // The same figures read from the updates instead of the roll-up tables (a range start before the plan
    // narrows nothing but takes the scan): what keeping progress_indicator_totals and _levels saves.
    overviewActualsScan: await timeQueries(sql, recorder, (db) =>
      planActuals(db, planId, currentKnowledge(BENCH.asOf), [...statuses], { from: '1900-01-01' }),
    ),
    overview: await timeQueries(sql, recorder, (db) => getOverview(db)),
    report: await timeQueries(sql, recorder, (db) => committeeReport(db)),
  };
  // The first report load after a meeting day computes the plan as it stood that day and keeps it
  // (drizzle/0010); the line above measured whichever load this was. Report both: the first load's wall time
  // (snapshot dropped beforehand, so it is always a first load) and every later load's SQL.
  await sql`delete from progress_as_of_snapshots`;
  const firstStarted = performance.now();
  await committeeReport(recorder.db);
  recorder.take();
  const reportFirstLoadMs = Math.round(performance.now() - firstStarted);
  timings.report = await timeQueries(sql, recorder, (db) => committeeReport(db));
  const cumulative = heavy.find((h) => h.accumulation === 'cumulative') ?? heavy[0]!;
  return { timings, indicatorCode: cumulative.code, reportFirstLoadMs };
}

async function measure(origin: string, cookie: string, p: string): Promise<{ c1: LoadResult; c10: LoadResult }> {
  // A few more than the first render's: the floor's and the app's first requests compile nothing, but warm the JIT.
  for (let k = 0; k < 5; k++) {
    const res = await fetch(`${origin}${p}`, { headers: { cookie }, redirect: 'manual' });
    await res.text();
    if (res.status !== 200) throw new Error(`${p} answered ${res.status} during warm-up`);
  }
  const c1 = await load(`${origin}${p}`, cookie, 1, seconds);
  const c10 = await load(`${origin}${p}`, cookie, 10, seconds);
  log(`  ${p}: 1 conn p50 ${c1.p50} ms, ${c1.rps} req/s; 10 conn p95 ${c10.p95} ms, ${c10.rps} req/s, errors ${c1.errors + c10.errors}`);
  return { c1, c10 };
}

function previousOtherSize(dir: string, updates: number): BenchResult | undefined {
  try {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    const all = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as BenchResult);
    const other = all.filter((r) => r.updates !== updates && r.updates < updates && r.indicators > 0);
    return other.at(-1);
  } catch {
    return undefined;
  }
}

async function main() {
  // The app's sessions run with jit off (db/client.ts): EXPLAIN ANALYZE runs in the same setting.
  const sql = postgres(url, { max: 4, onnotice: () => {}, connection: { jit: 'off' } });
  const appDir = path.resolve(values.app!);
  const opts = { appDir, distDir: values.dist!, port: Number(values.port), databaseUrl: url };
  let server: Awaited<ReturnType<typeof start>> | undefined;
  let floorServer: FloorServer | undefined;
  let stackServer: FloorServer | undefined;
  try {
    const [size] = await sql`select (select count(*)::int from progress_updates) as updates,
      (select count(*)::int from indicators) as indicators, (select count(*)::int from cities) as cities`;
    log(`bench on ${size!.updates.toLocaleString('en')} updates, ${size!.indicators} indicators, ${size!.cities} cities`);
    log('SQL (EXPLAIN ANALYZE of the real query functions) …');
    const { timings, indicatorCode, reportFirstLoadMs } = await sqlTimings(sql);
    log(`  report, first load after the meeting day (computes and keeps the snapshot): ${reportFirstLoadMs} ms wall`);
    for (const [k, t] of Object.entries(timings)) log(`  ${k}: ${t.totalMs} ms over ${t.statements} statements (slowest ${t.maxMs} ms: ${t.slowest.plan})`);
    if (values['sql-only']) return;

    if (values.build) {
      log(`next build in ${appDir} (${opts.distDir}) …`);
      build(opts);
    }
    log(`the floor (bench/floor): next build (${values['floor-dist']}) and next start on port ${opts.port + 1} …`);
    floorServer = await startFloor({ appDir, port: opts.port + 1, distDir: values['floor-dist']! });
    log(floorServer.buildMs === null ? '  its build is up to date' : `  built in ${floorServer.buildMs} ms`);
    log(`the stack's floor (bench/floor-stack): next build (${values['floor-dist']}) and next start on port ${opts.port + 2} …`);
    stackServer = await startFloor({ appDir, port: opts.port + 2, distDir: values['floor-dist']!, app: 'floor-stack' });
    log(stackServer.buildMs === null ? '  its build is up to date' : `  built in ${stackServer.buildMs} ms`);
    const stackCookie = await stackFloorCookie();
    server = await start(opts);
    const cookie = await signIn(server.origin, BENCH.committeeEmail, BENCH.password);
    log(`server up at ${server.origin}, signed in as ${BENCH.committeeEmail}`);
    const floorBefore = await measure(floorServer.origin, '', floorPaths.page);
    const floorRoute = await measure(floorServer.origin, '', floorPaths.route);
    const stackBefore = await measure(stackServer.origin, stackCookie, floorPaths.page);
    const routeSpecs: [string, string, number | null][] = [
      ['overview', '/', timings.overview!.totalMs],
      ['indicator', `/indicators/${encodeURIComponent(indicatorCode)}`, timings.indicatorChart!.totalMs],
      ['goal', '/goals/G1', null],
      ['report', '/reports/committee', timings.report!.totalMs],
    ];
    const routes: BenchResult['routes'] = {};
    for (const [name, p, sqlMs] of routeSpecs) routes[name] = { path: p, sqlMs, ...(await measure(server.origin, cookie, p)) };
    const trivial = { path: '/account', ...(await measure(server.origin, cookie, '/account')) };
    const stackAfter = await measure(stackServer.origin, stackCookie, floorPaths.page);
    const floorAfter = await measure(floorServer.origin, '', floorPaths.page);
    await floorServer.stop();
    await stackServer.stop();
    const floor: FloorResult = {
      buildMs: floorServer.buildMs,
      page: { c1: meanLoad(floorBefore.c1, floorAfter.c1), c10: meanLoad(floorBefore.c10, floorAfter.c10), before: floorBefore, after: floorAfter },
      route: floorRoute,
      stack: { c1: meanLoad(stackBefore.c1, stackAfter.c1), c10: meanLoad(stackBefore.c10, stackAfter.c10), before: stackBefore, after: stackAfter },
    };
    const pages = { account: trivial, ...routes };
    log('two instances …');
    const instances = await twoInstances(server, opts, cookie, '/', seconds);
    const instanceErrors = [instances.one, ...instances.two].reduce((n, r) => n + r.errors, 0);
    log(`  ${instances.path}: one ${instances.one.rps} req/s at 20 conn; two ${instances.two[0].rps} + ${instances.two[1].rps} req/s at 10 conn each (×${instances.ratio})`);
    const { cpu } = instances;
    log(`  CPU: one instance ${cpu.one.cores} cores with the machine ${Math.round(cpu.one.machineBusy * 100)} % busy; two ${cpu.two.cores[0]} + ${cpu.two.cores[1]} cores with it ${Math.round(cpu.two.machineBusy * 100)} % busy`);
    log('write path …');
    const write = await writePath(sql, url, { writers: 20, perWriter: Number(values.writes), overviewUrl: `${server.origin}/?submitted=1`, cookie });
    log(`  p95 ${write.p95} ms over ${write.writes} writes; visible on next load: ${write.visibleOnNextLoad} (${write.visibilityDelayMs} ms)`);
    const memory = server.memory();
    log('report PDF …');
    const pdf = await pdfBench(server.origin, cookie, server.child.pid!, BENCH.asOf);
    log(`  first ${pdf.firstMs} ms; warm p50 ${pdf.warm.p50} ms, p95 ${pdf.warm.p95} ms; ${pdf.burst.n} at once: ${pdf.burst.wallMs} ms, server memory (PSS) ${pdf.burst.pssBeforeMb} → peak ${pdf.burst.peakPssMb} MB (summed RSS ${pdf.burst.rssBeforeMb} → ${pdf.burst.peakRssMb}), answers ${JSON.stringify(pdf.burst.statuses)}`);

    const date = new Date().toISOString().slice(0, 10);
    const result: BenchResult = {
      date,
      updates: size!.updates,
      indicators: size!.indicators,
      cities: size!.cities,
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100), note: process.env.BENCH_NOTE ?? '' },
      sql: timings,
      reportFirstLoadMs,
      routes,
      trivial,
      write,
      memory: { peakMb: memory.peakMb },
      pdf,
      floor,
      instances,
    };
    const outDir = values.out!;
    mkdirSync(outDir, { recursive: true });
    const other = previousOtherSize(outDir, result.updates);
    const misses = floorMisses(floor, pages);
    const md = [
      `Against the floor (bench/floor, ${floor.buildMs === null ? 'build reused' : `built in ${floor.buildMs} ms`}) and the stack's floor (bench/floor-stack: the same page behind a nonce-setting proxy, next-auth's session and next-intl); each floor's page measured before and after the app's, mean:`,
      '',
      floorTable(floor, pages),
      '',
      misses.length ? `Missed: ${misses.join('; ')}.` : 'Every target against the floor met.',
      '',
      `Peak RSS ${memory.peakMb} MB (target ≤ 300); write p95 ${write.p95} ms at ${write.writers} writers (target ≤ 30).`,
      '',
      `Two instances on ${instances.path}: ${round(instances.two[0].rps + instances.two[1].rps, 1)} req/s together against ${instances.one.rps} for one alone (×${instances.ratio}; target ≥ 1.8)${process.env.REDIS_URL ? ', sharing the cache in Redis' : ', each with its own in-memory cache'}; errors ${instanceErrors}. One instance used ${instances.cpu.one.cores} cores with the machine ${Math.round(instances.cpu.one.machineBusy * 100)} % busy; two used ${instances.cpu.two.cores.join(' + ')} with it ${Math.round(instances.cpu.two.machineBusy * 100)} % busy.`,
      '',
      table(result, other),
    ].join('\n');
    const base = path.join(outDir, `${date}-${result.updates}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${base}.md`, `# Benchmark ${date}: ${result.updates.toLocaleString('en')} updates\n\nLoad average at the end: ${result.machine.loadAverage.join(', ')} on ${result.machine.cpus} cores.\n\n${md}\n`);
    console.log(md);
    log(`\nwrote ${base}.json and ${base}.md`);
    // Targets are reported, not enforced (the machine decides them); errors and a stale overview fail the run.
    const pdfErrors = pdf.burst.n - (pdf.burst.statuses['200'] ?? 0);
    const errors = [...Object.values(routes), trivial, floor.page, floor.route, floor.stack!].reduce((n, r) => n + r.c1.errors + r.c10.errors, 0) + write.errors + pdfErrors + instanceErrors;
    if (errors > 0 || !write.visibleOnNextLoad) {
      log(`FAILED: ${errors} errors, new update visible on the next overview load: ${write.visibleOnNextLoad}`);
      process.exitCode = 1;
    }
  } finally {
    await server?.stop();
    await floorServer?.stop();
    await stackServer?.stop();
    await sql.end();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
