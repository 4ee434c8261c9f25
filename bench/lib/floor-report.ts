import type { LoadResult } from './load';

/** The floor's figures in one run: its page measured before and after the app's pages, and its route handler. */
export interface FloorResult {
  /** null when an up-to-date build was reused. */
  buildMs: number | null;
  page: { c1: LoadResult; c10: LoadResult; before: { c1: LoadResult; c10: LoadResult }; after: { c1: LoadResult; c10: LoadResult } };
  route: { c1: LoadResult; c10: LoadResult };
  /** The stack's floor's page (bench/floor-stack), measured like the floor's; older results have none. */
  stack?: { c1: LoadResult; c10: LoadResult; before: { c1: LoadResult; c10: LoadResult }; after: { c1: LoadResult; c10: LoadResult } };
}

/** The targets against the floor page at 10 connections: ratio of req/s, and p95 in ms. */
export const floorTargets: Record<string, { ratio: number; p95: number }> = {
  account: { ratio: 0.7, p95: 50 },
  overview: { ratio: 0.5, p95: 100 },
  goal: { ratio: 0.5, p95: 100 },
  indicator: { ratio: 0.5, p95: 100 },
  report: { ratio: 0.3, p95: 150 },
};

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The mean of two runs of the floor page (before and after the app's pages): the machine drifts during a run. */
export function meanLoad(a: LoadResult, b: LoadResult): LoadResult {
  const m = (x: number, y: number) => Math.round(((x + y) / 2) * 10) / 10;
  return {
    connections: a.connections,
    requests: a.requests + b.requests,
    rps: m(a.rps, b.rps),
    p50: m(a.p50, b.p50),
    p95: m(a.p95, b.p95),
    p99: m(a.p99, b.p99),
    errors: a.errors + b.errors,
  };
}

/**
 * One row per page: req/s, p50, p95 at 10 connections, ratios to the floor page at 10 and at 1 connection and to
 * the stack's floor page at 10 (what the app adds to what its stack costs), met or missed.
 */
export function floorTable(floor: FloorResult, pages: Record<string, { path: string; c1: LoadResult; c10: LoadResult }>): string {
  const head = [
    '| page | req/s (10 conn) | p50 / p95 ms (10 conn) | p50 ms (1 conn) | ratio to floor (10 conn) | ratio (1 conn) | ratio to stack floor (10 conn) | target | met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const toStack = (c10: LoadResult) => (floor.stack && floor.stack.c10.rps > 0 ? r2(c10.rps / floor.stack.c10.rps) : '—');
  const line = (name: string, label: string, c1: LoadResult, c10: LoadResult, ofStack = true) => {
    const t = floorTargets[name];
    const target = t ? `≥ ${t.ratio}, p95 ≤ ${t.p95}` : '—';
    // No request completed within the run: no latency to show, and the target is missed (not met with 0 ms).
    if (c10.requests === 0) {
      return `| ${label} | 0 | no request completed | ${c1.requests ? c1.p50 : '—'} | 0 | ${r2(c1.rps / floor.page.c1.rps)} | 0 | ${target} | missed |`;
    }
    const ratio10 = r2(c10.rps / floor.page.c10.rps);
    const ratio1 = r2(c1.rps / floor.page.c1.rps);
    const met = t ? (ratio10 >= t.ratio && c10.p95 <= t.p95 && c10.errors + c1.errors === 0 ? 'met' : 'missed') : '';
    return `| ${label} | ${c10.rps} | ${c10.p50} / ${c10.p95} | ${c1.p50} | ${ratio10} | ${ratio1} | ${ofStack ? toStack(c10) : '—'} | ${target} | ${met} |`;
  };
  return [
    ...head,
    line('floor page', 'floor /', floor.page.c1, floor.page.c10, false),
    line('floor route', 'floor /api/rows', floor.route.c1, floor.route.c10, false),
    ...(floor.stack ? [line('stack floor page', 'stack floor /', floor.stack.c1, floor.stack.c10)] : []),
    ...Object.entries(pages).map(([name, p]) => line(name, `${name} ${p.path}`, p.c1, p.c10)),
  ].join('\n');
}

/** Missed targets, each with by how much (for the run's closing lines). */
export function floorMisses(floor: FloorResult, pages: Record<string, { path: string; c1: LoadResult; c10: LoadResult }>): string[] {
  return Object.entries(pages).flatMap(([name, p]) => {
    const t = floorTargets[name];
    if (!t) return [];
    if (p.c10.requests === 0) return [`${name}: no request completed at 10 connections within the run`];
    const ratio = r2(p.c10.rps / floor.page.c10.rps);
    const out: string[] = [];
    if (ratio < t.ratio) out.push(`${name}: ratio ${ratio} < ${t.ratio} (needs ${r2(t.ratio / ratio)}× the req/s)`);
    if (p.c10.p95 > t.p95) out.push(`${name}: p95 ${p.c10.p95} ms > ${t.p95} ms (${r2(p.c10.p95 / t.p95)}×)`);
    return out;
  });
}
