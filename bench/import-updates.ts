// `npm run bench:import` — how long 50,000 progress updates take to import.
//
// Creates a fresh PostgreSQL database (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server), loads
// the demo, writes a CSV of ROWS rows for the demo work plan (every manual indicator × its periods × the cities
// or partners it allows, with values that trip the plausibility checks now and then), reads it with the import
// page's own reader, and sends it chunk by chunk through importChunkRequest — what the import action calls after
// authorising the user — first to check every row, then to import (warnings confirmed). Meanwhile a probe runs a
// small query every 50 ms on its own connection, to show other requests are still served. Prints rows/s and
// seconds, checks the row and audit counts, and drops the database (keep it with --keep).
//
//   npm run bench:import                      # 50,000 rows
//   npm run bench:import -- --rows 10000 --keep
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { toCsv } from '@/lib/csv';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { findPlan } from '@/db/queries/plans';
import { importChunkRequest, type ImportChunkResult } from '@/db/queries/updates/import';
import { indicatorPeriods } from '@/db/queries/updates/placement';
import { auditLog, cities, indicators, partners, progressUpdates, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { IMPORT_CHUNK_ROWS, readImportFile } from '@/lib/validation/updates-import';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, keep: { type: 'boolean', default: false } } });
const ROWS = Number(args.rows);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function main() {
  const name = `srm_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 5 });
  const probe = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await handle.migrate();
    await seedDemo(handle.db);
    const db = handle.db;
    const plan = await findPlan(db);
    if (!plan) throw new Error('The demo has no work plan');
    const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'staff@demo.local'));
    const inds = await db
      .select()
      .from(indicators)
      .where(and(eq(indicators.planId, plan.id), eq(indicators.source, 'manual'), isNull(indicators.retiredAt)))
      .orderBy(indicators.code);
    const cityNames = (await db.select({ name: cities.name }).from(cities).where(isNull(cities.archivedAt))).map((c) => c.name);
    const partnerNames = (await db.select({ name: partners.name }).from(partners).where(isNull(partners.archivedAt))).map((p) => p.name);

    // The file: one row per indicator × period × place, round and round until ROWS rows.
    const header = ['indicator_code', 'period', 'value', 'numerator', 'denominator', 'milestone', 'city', 'cluster', 'partner', 'note', 'evidence_url', 'status'];
    const body: string[][] = [];
    for (let round = 0; body.length < ROWS; round++) {
      for (const ind of inds) {
        const places: [string, string][] = ind.disaggregations.includes('city')
          ? cityNames.map((c) => ['city', c])
          : ind.disaggregations.includes('partner')
            ? partnerNames.map((p) => ['partner', p])
            : [['', '']];
        indicatorPeriods(ind, plan).forEach((period, p) => {
          places.forEach(([kind, place], i) => {
            if (body.length >= ROWS) return;
            const n = (p + 1) * 10 + i + round;
            const value = ind.valueKind === 'count' || ind.valueKind === 'currency' ? String(ind.valueKind === 'currency' ? n * 1000.5 : n) : '';
            body.push([
              ind.code,
              period.key,
              value,
              ind.valueKind === 'percent' ? String(n) : '',
              ind.valueKind === 'percent' ? String(n * 2) : '',
              ind.valueKind === 'milestone' ? (p % 2 ? 'yes' : 'no') : '',
              kind === 'city' ? place : '',
              '',
              kind === 'partner' ? place : '',
              `bench row ${body.length + 2}`,
              'https://example.org/evidence',
              body.length % 5 === 0 ? 'draft' : 'submitted',
            ]);
          });
        });
      }
    }
    const csv = toCsv(header, body);
    const bytes = new TextEncoder().encode(csv);
    console.info(`${name}: ${inds.length} manual indicators, ${cityNames.length} cities; CSV of ${body.length} rows, ${(bytes.byteLength / 1e6).toFixed(1)} MB`);

    let probeMax = 0;
    let probes = 0;
    let probing = true;
    const probeLoop = (async () => {
      while (probing) {
        const t = performance.now();
        await probe`select count(*) from indicators`;
        probeMax = Math.max(probeMax, performance.now() - t);
        probes++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const t0 = performance.now();
    const read = await readImportFile('bench.csv', bytes);
    if (!read.ok) throw new Error(`unreadable: ${read.error}`);
    const tRead = performance.now();
    const run = async (mode: 'check' | 'import') => {
      const total = { good: 0, bad: 0, warnings: 0, imported: 0, already: 0, slowest: 0 };
      for (let i = 0; i < read.rows.length; i += IMPORT_CHUNK_ROWS) {
        const chunk = { rows: read.rows.slice(i, i + IMPORT_CHUNK_ROWS), mode, plan: plan.year };
        const t = performance.now();
        // Through JSON, as a server action's argument arrives.
        const result: ImportChunkResult | string = await importChunkRequest(db, JSON.parse(JSON.stringify(chunk)), staff?.id ?? null);
        total.slowest = Math.max(total.slowest, performance.now() - t);
        if (typeof result === 'string') throw new Error(result);
        total.good += result.good;
        total.bad += result.bad.length;
        total.warnings += result.warnings.length;
        total.imported += result.imported;
        total.already += result.alreadyImported;
      }
      return total;
    };
    const checked = await run('check');
    const tCheck = performance.now();
    const imported = await run('import');
    const tImport = performance.now();
    probing = false;
    await probeLoop;

    const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(progressUpdates).where(sql`${progressUpdates.note} like 'bench row %'`);
    const [audits] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'progress.import'));
    const rows = read.rows.length;
    console.info(`read file:     ${seconds(tRead - t0)} s`);
    console.info(`check:         ${seconds(tCheck - tRead)} s — ${checked.good} good, ${checked.bad} problems, ${checked.warnings} warnings; slowest chunk ${Math.round(checked.slowest)} ms`);
    console.info(`import:        ${seconds(tImport - tCheck)} s — ${imported.imported} imported; slowest chunk ${Math.round(imported.slowest)} ms`);
    console.info(`stored:        ${stored?.n} updates, ${audits?.n} audit rows`);
    console.info(`other requests meanwhile: ${probes} probes, slowest ${Math.round(probeMax)} ms`);
    console.info(`TOTAL ${rows} rows (read + check + import): ${seconds(tImport - t0)} s, ${Math.round(rows / ((tImport - t0) / 1000))} rows/s`);
    if (stored?.n !== rows || audits?.n !== rows) throw new Error(`expected ${rows} stored updates and audit rows`);
  } finally {
    await probe.end();
    await handle.close();
    if (!args.keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
    else console.info(`kept database ${name}`);
    await admin.end();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
