import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

/** The suite's closing figures: each test adds to a named counter; the global teardown prints the sums. */
export type Figure =
  | 'inputs tried'
  | '500s'
  | 'actions answering 500 to malformed argument types'
  | 'bodies Next cannot decode (500 before any action runs)'
  | 'unhandled rejections'
  | 'unchanged-database checks passed'
  | 'changes without an audit row'
  | 'concurrent edits: succeeded'
  | 'concurrent edits: conflicts'
  | 'idempotent submissions: rows'
  | 'writes acknowledged'
  | 'acknowledged writes lost'
  | 'half-written changes'
  | 'restore checksum matches'
  | 'restore checksum mismatches'
  | 'routes crawled'
  | 'header failures'
  | 'cross-site mutations refused'
  | 'postgres.js closed-socket writes survived (upstream #1208)'
  | 'pages back after a restart, worst (ms)'
  | 'unanswered requests'
  | '503s while the database was away'
  | 'PDF burst: peak server memory (MB, PSS)'
  | 'crafted archives refused'
  | 'crafted archives: peak server memory growth (MB, PSS)'
  | 'requests under load while Redis stopped and came back'
  | 'hostile uploads refused';

export function record(figure: Figure, n: number): void {
  const dir = inject('figuresDir');
  appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${JSON.stringify({ figure, n })}\n`);
}
