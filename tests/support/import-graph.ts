import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The project's own source files, as the bundler would resolve its imports ('@/…' and relative paths). */
export const projectRoot = path.resolve(__dirname, '../..');

export function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const sources = new Map<string, string>();
export function source(file: string): string {
  let code = sources.get(file);
  if (code === undefined) sources.set(file, (code = readFileSync(file, 'utf8')));
  return code;
}

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(projectRoot, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** The project files a file imports at run time (static and dynamic imports and re-exports; not `import type`). */
export function importsOf(file: string): string[] {
  const code = source(file);
  const specifiers = [
    ...[...code.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm)].filter((m) => !m[2]).map((m) => m[3]!),
    ...[...code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
    ...[...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
  ];
  return specifiers.map((s) => resolveImport(file, s)).filter((f): f is string => f !== undefined);
}

/** Every file reachable from `entry` through imports, not descending into files `stop` accepts (other than entry). */
export function reachable(entry: string, stop: (file: string) => boolean = () => false): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file !== entry && stop(file)) continue;
    pending.push(...importsOf(file));
  }
  return [...seen];
}
