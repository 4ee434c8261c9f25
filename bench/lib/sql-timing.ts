import { drizzle } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';

/**
 * The SQL time of a dashboard read, measured on the real query functions: they run once on a drizzle handle
 * whose logger records every statement with its parameters, then each statement is run again under
 * EXPLAIN (ANALYZE) — warm, a few times, keeping the median — and its planning + execution times add up.
 * Statements that run concurrently in the app (Promise.all) are still added: the figure is total database
 * work, an upper bound on the wall time the page waits for SQL.
 */
export interface Statement {
  query: string;
  params: unknown[];
}

export interface SqlTiming {
  /** Sum over the statements of median (planning + execution) time, ms. */
  totalMs: number;
  /** The slowest single statement, ms. */
  maxMs: number;
  statements: number;
  /** The slowest statement's text (shortened) and its plan's top node, for the README. */
  slowest: { query: string; plan: string };
}

export function recordingDb(client: Sql): { db: Db; take: () => Statement[] } {
  let log: Statement[] = [];
  const db = drizzle({
    client,
    schema,
    logger: { logQuery: (query: string, params: unknown[]) => void log.push({ query, params }) },
  }) as unknown as Db;
  return {
    db,
    take: () => {
      const out = log;
      log = [];
      return out;
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function describe(node: PlanNode, depth = 0): string {
  const here = `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`;
  if (depth >= 3 || !node.Plans?.length) return here;
  return `${here} ← ${node.Plans.map((p) => describe(p, depth + 1)).join(', ')}`;
}

export async function explainAll(client: Sql, statements: Statement[], runs = 3): Promise<SqlTiming> {
  let totalMs = 0;
  let maxMs = 0;
  let slowest = { query: '', plan: '' };
  for (const s of statements) {
    if (!/^\s*(select|with)\b/i.test(s.query)) continue;
    const times: number[] = [];
    let plan = '';
    for (let k = 0; k < runs; k++) {
      const [row] = await client.unsafe(`explain (analyze, format json) ${s.query}`, s.params as never[]);
      const out = (row as Record<string, unknown>)['QUERY PLAN'] as { 'Planning Time': number; 'Execution Time': number; Plan: PlanNode }[];
      times.push(out[0]!['Planning Time'] + out[0]!['Execution Time']);
      plan = describe(out[0]!.Plan);
    }
    const t = median(times);
    totalMs += t;
    if (t > maxMs) {
      maxMs = t;
      slowest = { query: s.query.replace(/\s+/g, ' ').slice(0, 240), plan };
    }
  }
  return { totalMs: round(totalMs), maxMs: round(maxMs), statements: statements.length, slowest };
}

export const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Runs `fn` on the recording handle, then EXPLAIN ANALYZEs what it ran. */
export async function timeQueries(client: Sql, recorder: ReturnType<typeof recordingDb>, fn: (db: Db) => Promise<unknown>): Promise<SqlTiming> {
  recorder.take();
  await fn(recorder.db);
  return explainAll(client, recorder.take());
}
