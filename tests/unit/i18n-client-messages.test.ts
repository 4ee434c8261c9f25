import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages, clientMessageScopes, type ClientMessageScope } from '@/lib/i18n/client-messages';
import { isMessage, type Catalog, type Message } from '@/lib/i18n/merge';
import en from '@/lib/i18n/messages/en';
import zh from '@/lib/i18n/messages/zh';
import { projectRoot, reachable, source, sourceFiles } from '../support/import-graph';

const isClient = (file: string) => /^\s*['"]use client['"]/m.test(source(file));

/** The message keys or namespaces a client component translates with. */
function namespacesOf(file: string): string[] {
  if (!isClient(file)) return [];
  const code = source(file);
  const found = [...code.matchAll(/useTranslations\(\s*['"]([\w.-]+)['"]\s*\)/g)].map((m) => m[1]!);
  // useTranslations() without a namespace: every key it is called with.
  if (/useTranslations\(\s*\)/.test(code)) {
    for (const [, key] of code.matchAll(/\bt\(\s*['"`]([\w.-]+?)(?:\$\{|['"`])/g)) found.push(key!.replace(/\.$/, ''));
  }
  return found;
}

/** Route files: what Next renders for a segment (pages, layouts, error and status pages). */
const routeFiles = sourceFiles(path.join(projectRoot, 'app')).filter((f) =>
  /\/(page|layout|template|error|global-error|not-found|forbidden|unauthorized|loading)\.tsx$/.test(f),
);
const isRouteFile = (f: string) => routeFiles.includes(f);

/** The scope a route file declares (<ClientMessages scope="…">), if any. */
const declaredScope = (file: string) => source(file).match(/<ClientMessages\s+scope="(\w+)"/)?.[1] as ClientMessageScope | undefined;

/**
 * The scope in force for a route file: its own, else the nearest layout's above it. A nested provider replaces
 * its parent's messages, so the nearest one alone counts (each carries the root namespaces).
 */
function scopeFor(file: string): ClientMessageScope {
  for (let dir = path.dirname(file); dir.startsWith(path.join(projectRoot, 'app')); dir = path.dirname(dir)) {
    const own = dir === path.dirname(file) ? declaredScope(file) : undefined;
    const layout = path.join(dir, 'layout.tsx');
    const scope = own ?? (isRouteFile(layout) ? declaredScope(layout) : undefined);
    if (scope) return scope;
  }
  return 'root';
}

/** What a route file's client components need: through its imports, not into other route files. */
const needed = (file: string) => [...new Set(reachable(file, isRouteFile).flatMap(namespacesOf))].sort();

const covers = (scope: ClientMessageScope, key: string) =>
  [...clientMessageScopes.root, ...clientMessageScopes[scope]].some((ns) => key === ns || key.startsWith(`${ns}.`));

describe('the messages sent to client components', () => {
  it('cover, on every page and layout, each namespace its client components translate with', () => {
    const missing: string[] = [];
    for (const file of routeFiles) {
      const scope = scopeFor(file);
      for (const key of needed(file)) if (!covers(scope, key)) missing.push(`${path.relative(projectRoot, file)} (${scope}): ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('are found through the imports of a page, down to the client components it renders', () => {
    const indicatorPage = path.join(projectRoot, 'app/(dashboard)/indicators/[code]/page.tsx');
    expect(needed(indicatorPage)).toEqual(expect.arrayContaining(['meetings.comments']));
    expect(scopeFor(indicatorPage)).toBe('indicator');
    // Nothing on the overview translates in the browser: it gets the root namespaces alone.
    expect(scopeFor(path.join(projectRoot, 'app/(dashboard)/page.tsx'))).toBe('root');
  });

  it('are not the whole catalog: a page outside every scope gets the root namespaces only', () => {
    expect(Object.keys(clientMessages(en as Catalog))).toEqual(['errors']);
    expect(JSON.stringify(clientMessages(en as Catalog)).length).toBeLessThan(JSON.stringify(en).length / 20);
  });

  it('name namespaces that exist in both catalogs, and keep their texts', () => {
    for (const catalog of [en, zh] as Catalog[]) {
      for (const scope of Object.keys(clientMessageScopes) as ClientMessageScope[]) {
        const picked = clientMessages(catalog, scope);
        for (const ns of [...clientMessageScopes.root, ...clientMessageScopes[scope]]) {
          const get = (c: Catalog) => ns.split('.').reduce<Catalog | Message | undefined>((node, part) => (node === undefined || isMessage(node) ? undefined : node[part]), c);
          expect(get(catalog), ns).toBeTypeOf('object');
          expect(get(picked), ns).toEqual(get(catalog));
        }
        expect(clientMessages(catalog, scope)).toBe(picked);
      }
    }
  });
});
