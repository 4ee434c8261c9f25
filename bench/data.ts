// `npm run bench:data -- --updates N --indicators M --cities C [--seed S] [--database URL]`
// Creates (or recreates) a separate PostgreSQL database, applies the project's migrations and fills it with a
// deterministic synthetic work plan and N progress updates, bulk-loaded with COPY. See bench/README.md.
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { copyRows } from './lib/copy';
import { ProgressBar } from './lib/progress-bar';
import { rng } from './lib/rng';
import { dropForLoad, rebuildSummary, restoreAfterLoad, withoutSummaryTrigger } from './data/bulk';
import { BENCH } from './data/model';
import { createStructure } from './data/structure';
import { ActualTracker, setTargets } from './data/targets';
import { allocate, generateUpdates, UPDATE_COLUMNS, type GeneratedUpdate } from './data/updates';

const { values } = parseArgs({
  options: {
    updates: { type: 'string', default: '100000' },
    indicators: { type: 'string', default: '1000' },
    cities: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    database: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? BENCH.defaultUrl },
  },
});
const size = { updates: Number(values.updates), indicators: Number(values.indicators), cities: Number(values.cities), seed: Number(values.seed) };
for (const [k, v] of Object.entries(size)) if (!Number.isInteger(v) || v < (k === 'updates' || k === 'seed' ? 0 : 1)) throw new Error(`--${k} must be a whole number`);
const url = values.database!;
const log = (message: string) => process.stderr.write(`${message}\n`);

/** Drops and creates the benchmark database; refuses names that do not say "bench", to spare real data. */
async function recreateDatabase(): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/bench/i.test(name) || !/^[a-z0-9_]+$/i.test(name)) throw new Error(`Refusing to recreate "${name}": the benchmark database's name must contain "bench".`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

async function main() {
  const started = Date.now();
  log(`bench:data ${JSON.stringify(size)} → ${url.replace(/:[^:@/]*@/, ':***@')}`);
  await recreateDatabase();
  const handle = openPostgres(url, { max: 1 });
  await handle.migrate();
  await handle.close();

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`set synchronous_commit = off`;
    await sql`set maintenance_work_mem = '256MB'`;
    const structure = await createStructure(sql, rng(size.seed), { indicators: size.indicators, cities: size.cities });
    log(`work plan: ${structure.indicators.length} indicators, ${structure.cityIds.length} cities, ${structure.partnerIds.length} partners, ${structure.clusterIds.length} clusters`);
    const { plans, total } = allocate(structure, size.updates, size.seed);
    if (total < size.updates) log(`note: only ${total} (period, place) slots exist for these sizes; loading ${total} updates`);

    const deferred = [];
    for (const table of ['progress_updates', 'progress_update_versions', 'audit_log']) deferred.push(await dropForLoad(sql, table));

    const tracker = new ActualTracker();
    const corrections: { id: number; u: GeneratedUpdate }[] = [];
    let id = 0;
    const bar = new ProgressBar('progress_updates', total);
    const rows = function* () {
      for (const u of generateUpdates(structure, plans, size.seed)) {
        id += 1;
        tracker.add(u);
        if (u.correction) corrections.push({ id, u });
        yield u.row;
      }
    };
    await withoutSummaryTrigger(sql, () => copyRows(sql, 'progress_updates', UPDATE_COLUMNS, rows(), (n) => bar.tick(n)));
    bar.finish();
    const [range] = await sql`select count(*)::int as n, coalesce(min(id), 0)::int as lo, coalesce(max(id), 0)::int as hi from progress_updates`;
    if (range!.n !== total || (total > 0 && (range!.lo !== 1 || range!.hi !== total))) throw new Error(`unexpected ids after COPY: ${JSON.stringify(range)}`);

    const versionBar = new ProgressBar('update versions', corrections.length);
    await copyRows(
      sql,
      'progress_update_versions',
      ['update_id', 'version', 'value', 'numerator', 'denominator', 'period_start', 'period_end', 'city_id', 'cluster_id', 'partner_id', 'status', 'changed_by', 'reason', 'created_at'],
      corrections.map(({ id: updateId, u }) => [updateId, 1, u.correction!.old.value, u.correction!.old.numerator, u.correction!.old.denominator, u.period.start, u.period.end, u.place.cityId, u.place.clusterId, u.place.partnerId, 'submitted', u.reportedBy, 'Corrected figure', u.correction!.at]),
      (n) => versionBar.tick(n),
    );
    versionBar.finish();

    // One audit row per update (its creation) and per correction, as the app writes them.
    const auditBar = new ProgressBar('audit_log', total + corrections.length);
    const audit = function* () {
      let n = 0;
      for (const u of generateUpdates(structure, plans, size.seed)) {
        n += 1;
        const [indicatorId, periodStart, periodEnd, value, numerator, denominator, cityId, clusterId, partnerId, note, evidenceUrl, status] = u.row;
        yield [u.createdAt, u.reportedBy, 'progress.create', 'progress_update', String(n), null, { indicatorId, periodStart, periodEnd, value, numerator, denominator, cityId, clusterId, partnerId, note, evidenceUrl, status, version: 1 }];
      }
      for (const { id: updateId, u } of corrections) {
        yield [u.correction!.at, u.reportedBy, 'progress.correct', 'progress_update', String(updateId), { ...u.correction!.old, version: 1 }, { ...u.figures, version: 2 }];
      }
    };
    await copyRows(sql, 'audit_log', ['at', 'actor_id', 'action', 'entity_type', 'entity_id', 'before', 'after'], audit(), (n) => auditBar.tick(n));
    auditBar.finish();

    await setTargets(sql, structure.indicators, tracker, size.seed, structure.users.admin);

    const steps = deferred.reduce((n, d) => n + d.indexes.length + d.foreignKeys.length, 0);
    const indexBar = new ProgressBar('indexes and keys', steps);
    for (const d of deferred) await restoreAfterLoad(sql, d, () => indexBar.tick());
    indexBar.finish();
    log('dashboard summary (progress_totals, progress_latest) …');
    await rebuildSummary(sql);
    log('vacuum analyze …');
    await sql`vacuum analyze`;
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${total.toLocaleString('en')} updates, ${corrections.length.toLocaleString('en')} corrections; sign in as ${BENCH.committeeEmail} / ${BENCH.password}`);
  } finally {
    await sql.end();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
