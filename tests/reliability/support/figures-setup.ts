import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    figuresDir: string;
  }
}

/** Must be zero for the suite to pass (the tests assert it too; the summary says it once more). */
const mustBeZero = ['500s', 'actions answering 500 to malformed argument types', 'unhandled rejections', 'changes without an audit row', 'acknowledged writes lost', 'half-written changes', 'restore checksum mismatches', 'header failures'];

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'srm-reliability-'));
  project.provide('figuresDir', dir);
  return () => {
    const totals = new Map<string, number>();
    for (const file of readdirSync(dir)) {
      for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean)) {
        const { figure, n } = JSON.parse(line) as { figure: string; n: number };
        totals.set(figure, (totals.get(figure) ?? 0) + n);
      }
    }
    for (const figure of mustBeZero) if (!totals.has(figure)) totals.set(figure, 0);
    const width = Math.max(...[...totals.keys()].map((k) => k.length));
    const lines = [...totals].map(([k, v]) => `  ${k.padEnd(width)}  ${v}${mustBeZero.includes(k) ? ' (must be 0)' : ''}`);
    process.stdout.write(`\nReliability figures\n${lines.join('\n')}\n\n`);
    rmSync(dir, { recursive: true, force: true });
  };
}
