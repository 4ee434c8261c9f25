import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '@/db/queries/audit';
import { cities } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed';
import { can } from '@/lib/auth/policy';
import { routeAccess } from '@/lib/auth/route-access';
import { changedTables, securityEventTables, tableChecksums } from './support/checksums';
import { record } from './support/figures';
import { Client, type HttpResult } from './support/http';
import { port } from './support/server';
import { demoEmail, startWorld, type Role, type World } from './support/world';

/**
 * Header and route audit, with stored hostile text and the logs: every route as each
 * principal, 404s, cross-site mutations, signing out while a request is in flight.
 */
const payload = `<script>alert("srm-xss")</script><img src=x onerror=alert(2)>`;
const canary = `Canary-${randomUUID()}`;
let world: World;
let canaryCityId: number;

beforeAll(async () => {
  world = await startWorld(port(2));
  const [city] = await world.db.db
    .insert(cities)
    .values({ name: `${payload} ${canary}`, country: 'Testland', region: 'maritime' } as typeof cities.$inferInsert)
    .returning();
  canaryCityId = city!.id;
  await writeAudit(world.db.db, { actorId: null, action: 'city.create', entityType: 'city', entityId: city!.id, after: { name: `${payload} ${canary}` } });
});

afterAll(async () => {
  await world?.close();
});

const samples: Record<string, string> = { '[token]': 'not-a-real-token-but-long-enough-0123', '[code]': 'G1.1', '[year]': '2020', '[id]': '1', '[registry]': 'cities' };
const concrete = (route: string) =>
  route === '/goals/[code]' ? '/goals/G1' : route === '/cities/[id]' ? `/cities/${canaryCityId}` : route.replace(/\[[^\]]+\]/g, (s) => samples[s] ?? '1');

function headerProblems(path: string, r: HttpResult): string[] {
  const h = r.headers;
  const problems: string[] = [];
  const csp = h.get('content-security-policy') ?? '';
  if (!/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/.test(csp)) problems.push('CSP script-src with a nonce');
  for (const part of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) if (!csp.includes(part)) problems.push(part);
  if (h.get('x-content-type-options') !== 'nosniff') problems.push('nosniff');
  if (h.get('x-frame-options') !== 'DENY') problems.push('X-Frame-Options');
  if (!h.get('referrer-policy')) problems.push('Referrer-Policy');
  if (!h.get('strict-transport-security')?.includes('max-age=')) problems.push('HSTS');
  if (h.has('x-srm-user') || h.has('x-powered-by')) problems.push('internal header leaked');
  return problems.map((p) => `${path} ${r.status}: ${p}`);
}

describe('every route as every principal', () => {
  it('answers the right status with the security headers, leaks nothing, renders stored text escaped', async () => {
    const principals = ['anonymous', 'committee', 'staff', 'admin'] as const;
    const routes = Object.entries(routeAccess).filter(([r]) => !r.startsWith('/api/auth/') && r !== '/api/reports/committee');
    const problems: string[] = [];
    let crawled = 0;
    let headerFailures = 0;
    for (const principal of principals) {
      const client = world.clients[principal];
      for (const [route, access] of [...routes, ['/no-such-page', 'missing'] as const]) {
        const path = concrete(route);
        const r = await client.get(path);
        crawled++;
        const role = principal === 'anonymous' ? undefined : (principal as Role);
        let expected: number;
        if (access === 'missing') expected = role ? 404 : 307;
        else if (route === '/sign-in' && role) expected = 307;
        // A share link that is not one (the sample) shows nothing, to anyone: the page's own 404.
        else if (route === '/share/[token]') expected = 404;
        else if (access === 'public') expected = 200;
        // Signed out: the proxy answers 401 under /api and redirects everything else to sign-in.
        else if (!role) expected = route.startsWith('/api/') ? 401 : 307;
        else expected = can(role, access) ? 200 : 403;
        if (r.status !== expected) problems.push(`${path} as ${principal}: expected ${expected}, got ${r.status}`);
        const headers = headerProblems(path, r);
        headerFailures += headers.length;
        problems.push(...headers.map((p) => `${p} as ${principal}`));
        if (r.status !== 200 && r.body.includes(canary)) problems.push(`${path} as ${principal} (${r.status}) leaks stored data`);
        // HTML and React's flight data must carry stored text escaped (CSV downloads are data, not markup).
        const markup = /text\/html|text\/x-component/.test(r.headers.get('content-type') ?? '');
        if (markup && (r.body.includes('<script>alert("srm-xss")') || r.body.includes('<img src=x onerror'))) problems.push(`${path} as ${principal}: unescaped stored text`);
        if (!markup && r.status === 200 && !/text\/csv|spreadsheetml|application\/json|application\/pdf|application\/xml/.test(r.headers.get('content-type') ?? '')) {
          problems.push(`${path} as ${principal}: unexpected content type ${r.headers.get('content-type')}`);
        }
      }
    }
    record('routes crawled', crawled);
    record('header failures', headerFailures);
    expect(problems).toEqual([]);
    // The hostile name is really on the pages, escaped.
    for (const path of [`/cities/${canaryCityId}`, '/cities', '/admin/audit']) {
      const body = (await world.clients.admin.get(path)).body;
      expect(body, path).toContain('&lt;script&gt;alert(');
    }
  });

  it('refuses every mutation with a cross-site, null or missing Origin, and changes nothing', async () => {
    const before = await tableChecksums(world.db.db, { exclude: securityEventTables });
    const outcomes: string[] = [];
    let refused = 0;
    for (const action of world.actions) {
      for (const origin of ['https://evil.example', 'null', undefined]) {
        if (!origin) {
          // fetch always sends our Origin: send the request again without one.
          const raw = await fetch(new URL(action.page, world.server.baseUrl), {
            method: 'POST',
            headers: { 'Next-Action': action.id, cookie: world.clients.admin.cookieHeader(), 'Content-Type': 'text/plain;charset=UTF-8' },
            body: '[]',
            redirect: 'manual',
          });
          if (raw.status === 403) refused++;
          else outcomes.push(`${action.key} without Origin: ${raw.status}`);
          continue;
        }
        const r = await world.clients.admin.action(action, [{}, new FormData()], { Origin: origin }, false);
        if (r.status === 403) refused++;
        else outcomes.push(`${action.key} from ${origin}: ${r.status}`);
      }
    }
    for (const path of ['/api/auth/signout', '/api/auth/callback/credentials']) {
      const r = await fetch(new URL(path, world.server.baseUrl), { method: 'POST', headers: { Origin: 'https://evil.example' }, redirect: 'manual' });
      if (r.status === 403) refused++;
      else outcomes.push(`${path} from evil: ${r.status}`);
    }
    record('cross-site mutations refused', refused);
    expect(outcomes).toEqual([]);
    expect(changedTables(before, await tableChecksums(world.db.db, { exclude: securityEventTables }))).toEqual([]);
  });

  it('"Sign out" ends this session even when a request in flight hands the old cookie back', async () => {
    const signOut = world.actions.find((a) => a.key === 'app/(dashboard)/actions.ts#signOutAction')!;
    const laptop = new Client(world.server.baseUrl);
    const phone = new Client(world.server.baseUrl);
    expect(await laptop.signIn(world.actions, demoEmail('staff'), DEMO_PASSWORD)).toBe(true);
    expect(await phone.signIn(world.actions, demoEmail('staff'), DEMO_PASSWORD)).toBe(true);
    const oldCookies = new Map(laptop.cookies);
    expect((await laptop.get('/')).status).toBe(200);

    // The sign-out button posts its (empty) form, as the browser does.
    await laptop.action({ ...signOut, page: '/' }, [new FormData()]);
    expect([...laptop.cookies.keys()].some((k) => k.includes('session-token'))).toBe(false);

    // The request that was in flight: it carries the old cookie, and the proxy's next-auth wrapper answers it
    // with a refreshed copy, which the browser stores after the sign-out's deletion.
    const inFlight = new Client(world.server.baseUrl);
    inFlight.cookies = new Map(oldCookies);
    const restored = await inFlight.get('/');
    expect(restored.status).toBe(307);
    expect(restored.headers.get('location')).toContain('/sign-in');
    // Whatever cookie that response left, it is dead.
    expect((await inFlight.get('/')).status).toBe(307);
    expect((await inFlight.get('/api/updates/export')).status).toBe(401);
    // Signing out is per session: the same user's other session goes on.
    expect((await phone.get('/')).status).toBe(200);
  });

  it('logs one JSON line per request (route, status, duration, user), refusals and failed sign-ins, no secrets', async () => {
    const intruder = new Client(world.server.baseUrl);
    await intruder.signIn(world.actions, `nobody\n{"level":"error","event":"forged"}@example.org`, 'wrong password here');
    await world.clients.committee.get('/admin/users');
    await new Promise((r) => setTimeout(r, 300));
    const lines = world.server.json();
    const requests = lines.filter((l) => l.event === 'http.request');
    expect(requests.length).toBeGreaterThan(100);
    for (const l of requests) {
      expect(typeof l.route).toBe('string');
      expect(typeof l.status).toBe('number');
      expect(typeof l.durationMs).toBe('number');
      expect('userId' in l).toBe(true);
    }
    expect(requests.some((l) => l.status === 200 && typeof l.userId === 'string')).toBe(true);
    const denied = requests.filter((l) => l.route === '/admin/users' && l.status === 403);
    expect(denied.at(-1)).toMatchObject({ security: 'authorization_refused', level: 'warn' });
    expect(denied.at(-1)!.userId).toEqual(expect.any(String));
    expect(lines.some((l) => l.event === 'auth.sign_in_refused')).toBe(true);
    expect(lines.some((l) => l.event === 'security.cross_site_refused')).toBe(true);
    expect(lines.some((l) => l.event === 'forged')).toBe(false);
    const all = world.server.lines.join('\n');
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain('wrong password here');
    for (const client of Object.values(world.clients)) {
      for (const [name, value] of client.cookies) if (name.includes('session-token')) expect(all).not.toContain(value);
    }
  });
});
