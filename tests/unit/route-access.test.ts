import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAction } from '@/lib/auth/policy';
import { routeAccess, serverActionAccess } from '@/lib/auth/route-access';

const appDir = path.resolve(__dirname, '../../app');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** app/(group)/admin/users/page.tsx → /admin/users */
function routeOf(file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !(s.startsWith('(') && s.endsWith(')')));
  return `/${segments.join('/')}`;
}

const files = walk(appDir).map((f) => path.relative(path.resolve(appDir, '..'), f));
const routes = walk(appDir)
  .filter((f) => /\/(page\.tsx|route\.ts)$/.test(f))
  .map(routeOf);
const actionExports = files
  .filter((f) => /\.tsx?$/.test(f))
  .filter((f) => /^\s*['"]use server['"]/.test(readFileSync(path.resolve(appDir, '..', f), 'utf8')))
  .flatMap((f) => {
    const source = readFileSync(path.resolve(appDir, '..', f), 'utf8');
    return [...source.matchAll(/export\s+(?:async\s+function|const)\s+(\w+)/g)].map((m) => `${f}#${m[1]}`);
  });

describe('every endpoint has an entry in the access map', () => {
  it('finds the pages and route handlers in app/', () => {
    expect(routes).toContain('/');
    expect(routes).toContain('/api/health');
  });

  it.each(routes)('%s', (route) => {
    expect(routeAccess, `add ${route} to lib/auth/route-access.ts`).toHaveProperty([route]);
  });

  it('lists no route that does not exist', () => {
    for (const route of Object.keys(routeAccess)) expect(routes).toContain(route);
  });

  it.each(actionExports)('server action %s', (id) => {
    expect(serverActionAccess, `add ${id} to serverActionAccess`).toHaveProperty([id]);
  });

  it('names only known policy actions', () => {
    for (const access of [...Object.values(routeAccess), ...Object.values(serverActionAccess)]) {
      if (access !== 'public' && access !== 'session') expect(isAction(access)).toBe(true);
    }
  });
  // That each action checks the action the map names is proven by calling it: tests/integration/server-actions-policy.test.ts.
});
