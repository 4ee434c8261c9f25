import type { FloorResult } from './floor-report';
import type { InstancesResult } from './instances';
import type { LoadResult } from './load';
import type { PdfResult } from './pdf';
import type { SqlTiming } from './sql-timing';
import type { WriteResult } from './write-path';

/** One run's figures (bench/results/<date>-<size>.json) and the Markdown table with the targets. */
export interface BenchResult {
  date: string;
  updates: number;
  indicators: number;
  cities: number;
  machine: { cpus: number; loadAverage: number[]; note: string };
  sql: Record<string, SqlTiming>;
  /** Wall time of the first report load after the meeting day, which computes and keeps the snapshot. */
  reportFirstLoadMs?: number;
  routes: Record<string, { path: string; sqlMs: number | null; c1: LoadResult; c10: LoadResult }>;
  trivial: { path: string; c1: LoadResult; c10: LoadResult };
  write: WriteResult | null;
  memory: { peakMb: number };
  /** Report PDFs (older results have none). */
  pdf?: PdfResult;
  /** The floor app measured in the same run (older results have none). */
  floor?: FloorResult;
  /** Two instances against one (older results have none). */
  instances?: InstancesResult;
}

interface Row {
  figure: string;
  value: number | string | null;
  target: string;
  ok: boolean | null;
  /** For growth: a key into the JSON to compare across sizes. */
  key?: number | null;
}

const fmt = (v: number | string | null) => (v === null ? '—' : typeof v === 'number' ? String(v) : v);
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✅' : '❌');

export function rows(r: BenchResult): Row[] {
  const out: Row[] = [];
  const sqlRow = (name: string, label: string, limit: number | null) => {
    const t = r.sql[name];
    if (!t) return;
    out.push({ figure: `SQL: ${label} (ms)`, value: t.totalMs, target: limit === null ? '—' : `≤ ${limit}`, ok: limit === null ? null : t.totalMs <= limit, key: t.totalMs });
  };
  sqlRow('chartSeries', 'per-indicator chart series (slowest kind)', 5);
  sqlRow('breakdown', 'disaggregation breakdown (slowest kind)', null);
  sqlRow('overviewActuals', 'overview: actual to date of every indicator', 30);
  sqlRow('overviewActualsScan', 'the same from the updates, without the roll-up tables', null);
  sqlRow('overview', 'overview page, all statements', null);
  sqlRow('indicatorChart', 'indicator chart, all statements', null);
  sqlRow('report', 'committee report, all statements', 100);
  if (r.reportFirstLoadMs !== undefined) {
    out.push({ figure: 'committee report, first load after a meeting day (wall, ms; computes the snapshot)', value: r.reportFirstLoadMs, target: '—', ok: null, key: r.reportFirstLoadMs });
  }
  const trivial10 = r.trivial.c10.rps;
  for (const [name, route] of Object.entries(r.routes)) {
    const p50Limit = route.sqlMs === null ? null : Math.round((route.sqlMs + 15) * 10) / 10;
    const done1 = route.c1.requests > 0;
    out.push({ figure: `${name} ${route.path}: p50 at 1 conn (ms)`, value: done1 ? route.c1.p50 : 'no request completed', target: p50Limit === null ? '—' : `≤ SQL + 15 = ${p50Limit}`, ok: p50Limit === null ? (done1 ? null : false) : done1 && route.c1.p50 <= p50Limit, key: done1 ? route.c1.p50 : null });
    // A run in which no request completed has no latency: it fails, it does not pass with 0 ms.
    const done = route.c10.requests > 0;
    out.push({ figure: `${name}: p50 / p95 / p99 at 10 conn (ms)`, value: done ? `${route.c10.p50} / ${route.c10.p95} / ${route.c10.p99}` : 'no request completed', target: 'p95 ≤ 100', ok: done && route.c10.p95 <= 100, key: done ? route.c10.p95 : null });
    out.push({ figure: `${name}: req/s at 1 / 10 conn`, value: `${route.c1.rps} / ${route.c10.rps}`, target: '≥ 150 at 10', ok: route.c10.rps >= 150, key: route.c10.rps });
    out.push({ figure: `${name}: req/s ÷ trivial route's (10 conn)`, value: Math.round((route.c10.rps / trivial10) * 100) / 100, target: '≥ 0.33', ok: route.c10.rps / trivial10 >= 1 / 3 });
    out.push({ figure: `${name}: errors`, value: route.c1.errors + route.c10.errors, target: '0', ok: route.c1.errors + route.c10.errors === 0 });
  }
  out.push({ figure: `trivial ${r.trivial.path}: p50 / p95 / p99 at 10 conn (ms)`, value: `${r.trivial.c10.p50} / ${r.trivial.c10.p95} / ${r.trivial.c10.p99}`, target: '—', ok: null, key: r.trivial.c10.p95 });
  out.push({ figure: 'trivial: req/s at 1 / 10 conn', value: `${r.trivial.c1.rps} / ${r.trivial.c10.rps}`, target: '—', ok: null, key: r.trivial.c10.rps });
  if (r.write) {
    out.push({ figure: `write: log an update, p50 / p95 at ${r.write.writers} writers (ms)`, value: `${r.write.p50} / ${r.write.p95}`, target: 'p95 ≤ 30', ok: r.write.p95 <= 30 && r.write.errors === 0, key: r.write.p95 });
    out.push({ figure: 'write: visible on the next overview load (delay, ms)', value: `${r.write.visibleOnNextLoad ? 'yes' : 'NO'} (${r.write.visibilityDelayMs})`, target: 'next load', ok: r.write.visibleOnNextLoad });
  }
  out.push({ figure: 'server peak resident memory (MB)', value: r.memory.peakMb, target: '≤ 300', ok: r.memory.peakMb <= 300, key: r.memory.peakMb });
  if (r.pdf) {
    const { pdf } = r;
    out.push({ figure: 'report PDF: first, with the browser start (ms)', value: pdf.firstMs, target: '—', ok: null, key: pdf.firstMs });
    out.push({ figure: `report PDF warm: p50 / p95 over ${pdf.warm.n} (ms)`, value: `${pdf.warm.p50} / ${pdf.warm.p95}`, target: '—', ok: null, key: pdf.warm.p95 });
    const ok = pdf.burst.statuses['200'] ?? 0;
    out.push({ figure: `report PDF: ${pdf.burst.n} at once, wall (ms) and answers`, value: `${pdf.burst.wallMs}, ${ok} × 200`, target: `all ${pdf.burst.n} 200`, ok: ok === pdf.burst.n, key: pdf.burst.wallMs });
    out.push({ figure: `server memory during the ${pdf.burst.n}-PDF burst (MB, process tree PSS: before → peak)`, value: `${pdf.burst.pssBeforeMb} → ${pdf.burst.peakPssMb}`, target: '—', ok: null, key: pdf.burst.peakPssMb });
    out.push({ figure: `server memory during the ${pdf.burst.n}-PDF burst (MB, summed RSS: before → peak)`, value: `${pdf.burst.rssBeforeMb} → ${pdf.burst.peakRssMb}`, target: '—', ok: null, key: pdf.burst.peakRssMb });
  }
  return out;
}

export function table(r: BenchResult, other?: BenchResult): string {
  const mine = rows(r);
  const theirs = other ? new Map(rows(other).map((x) => [x.figure, x])) : undefined;
  const head = other
    ? `| figure | ${other.updates.toLocaleString('en')} | ${r.updates.toLocaleString('en')} | target | met | growth (≤ 2×) |\n| --- | --- | --- | --- | --- | --- |`
    : `| figure | ${r.updates.toLocaleString('en')} updates | target | met |\n| --- | --- | --- | --- |`;
  const lines = mine.map((x) => {
    if (!theirs) return `| ${x.figure} | ${fmt(x.value)} | ${x.target} | ${mark(x.ok)} |`;
    const o = theirs.get(x.figure);
    // Growth in "badness": times and memory grow when they rise, throughput when it falls.
    let growth = '—';
    if (o?.key && x.key) {
      const higherIsWorse = !/req\/s/.test(x.figure);
      const g = higherIsWorse ? x.key / o.key : o.key / x.key;
      growth = `${g.toFixed(2)}× ${mark(g <= 2)}`;
    }
    return `| ${x.figure} | ${fmt(o?.value ?? null)} | ${fmt(x.value)} | ${x.target} | ${mark(x.ok)} | ${growth} |`;
  });
  return [head, ...lines].join('\n');
}
