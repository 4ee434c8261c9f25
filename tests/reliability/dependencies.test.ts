import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Dependency hygiene. `npm audit` cannot reach its service from here, so the floors below
 * are the first versions free of the advisories known when this was written; raise them as new ones appear.
 *
 * next ≥ 16.0.10
 *   CVE-2025-29927 (GHSA-f82v-jwr5-mffw) authorization bypass through the x-middleware-subrequest header — 15.2.3
 *   CVE-2025-57822 (GHSA-4342-x723-ch2f) SSRF through middleware redirect handling — 15.4.7
 *   CVE-2025-57752 (GHSA-g5qg-72qw-gw5v) image optimisation cache key confusion — 15.4.5
 *   CVE-2025-55182 / CVE-2025-66478 remote code execution through React Server Components payloads — 16.0.7
 *   CVE-2025-55183 server action source exposure, CVE-2025-55184 / CVE-2025-67779 RSC denial of service — 16.0.10
 * react, react-dom ≥ 19.2.3 (the React side of CVE-2025-55182, -55183, -55184, -67779)
 * next-auth ≥ 5.0.0-beta.30
 *   CVE-2023-48309 (GHSA-v64w-49xw-qq89) session mocking — 4.24.5 / v5 betas after it
 *   GHSA-5jpx-9hw9-2fx4 email sign-in misdelivery through address parsing — 5.0.0-beta.30
 * drizzle-orm ≥ 0.45.2
 *   GHSA-gpj5-g38j-94v9 SQL injection through improperly escaped quoted identifiers — 0.45.2
 * postgres (postgres.js) ≥ 3.4.0: no advisory published; the floor is the current major line.
 * nodemailer ≥ 7.0.11
 *   GHSA-mm7p-fcc7-pg87 email sent to an unintended domain — 7.0.7; GHSA-rcmh-qjqh-p98v addressparser DoS — 7.0.11
 */
const floors: Record<string, string> = {
  next: '16.0.10',
  react: '19.2.3',
  'react-dom': '19.2.3',
  'next-auth': '5.0.0-beta.30',
  'drizzle-orm': '0.45.2',
  postgres: '3.4.0',
  nodemailer: '7.0.11',
};

const root = path.resolve(__dirname, '../..');

/** Semantic-version order, prerelease identifiers included (1.0.0-beta.9 < 1.0.0-beta.30 < 1.0.0). */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre] = v.split('-', 2) as [string, string | undefined];
    return { core: core.split('.').map(Number), pre: pre ? pre.split('.') : [] };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) if ((x.core[i] ?? 0) !== (y.core[i] ?? 0)) return (x.core[i] ?? 0) - (y.core[i] ?? 0);
  if (!x.pre.length || !y.pre.length) return (x.pre.length ? -1 : 0) - (y.pre.length ? -1 : 0);
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const np = /^\d+$/.test(p) ? Number(p) : NaN;
    const nq = /^\d+$/.test(q) ? Number(q) : NaN;
    if (!Number.isNaN(np) && !Number.isNaN(nq)) {
      if (np !== nq) return np - nq;
    } else if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

describe('dependency hygiene', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };

  it('compares versions, prereleases included', () => {
    expect(compareVersions('5.0.0-beta.32', '5.0.0-beta.30')).toBeGreaterThan(0);
    expect(compareVersions('5.0.0-beta.9', '5.0.0-beta.30')).toBeLessThan(0);
    expect(compareVersions('5.0.0', '5.0.0-beta.30')).toBeGreaterThan(0);
    expect(compareVersions('16.0.9', '16.0.10')).toBeLessThan(0);
    expect(compareVersions('0.45.2', '0.45.2')).toBe(0);
  });

  for (const [name, floor] of Object.entries(floors)) {
    it(`${name} is pinned exactly, locked and installed at ≥ ${floor}`, () => {
      const wanted = pkg.dependencies[name];
      expect(wanted, `${name} in package.json dependencies`).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
      const locked = lock.packages[`node_modules/${name}`]?.version;
      expect(locked).toBe(wanted);
      const installed = (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
      expect(installed).toBe(locked);
      expect(compareVersions(installed, floor), `${name} ${installed} < ${floor}`).toBeGreaterThanOrEqual(0);
    });
  }

  it('the lock file is committed', () => {
    const tracked = execFileSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], { cwd: root, encoding: 'utf8' });
    expect(tracked.trim()).toBe('package-lock.json');
  });
});
