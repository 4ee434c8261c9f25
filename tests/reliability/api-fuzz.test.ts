import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, issueApiToken, revokeApiToken } from '@/db/queries/auth/api-tokens';
import { apiTokens, partners, users } from '@/db/schema';
import { routeAccess } from '@/lib/auth/route-access';
import { record } from './support/figures';
import { changedTables, securityEventTables, tableChecksums } from './support/checksums';
import { attackStrings, text } from './support/fuzz-inputs';
import { port } from './support/server';
import { demoEmail, startWorld, type World } from './support/world';

/**
 * Fuzzing the API (/api/v1) over HTTP as a partner's system would call it: hostile query parameters, bodies and
 * headers — Authorization (valid tokens of each scope, revoked, expired, malformed, other schemes) and
 * Idempotency-Key. After every request: no 500; a refused write changes no table; an accepted one (201) comes
 * with its audit row, and a retry with its key creates nothing new. RELIABILITY_API_FUZZ_INPUTS sets the total.
 */
const totalInputs = Number(process.env.RELIABILITY_API_FUZZ_INPUTS ?? 3_000);
/** A token's last use is written at most once a minute: a refreshed timestamp, not a change of record. */
const bookkeeping = new Set([...securityEventTables, 'api_tokens']);
const knowledgeSnapshotTables = new Set(['progress_as_of_snapshots', 'progress_as_of_snapshot_rows']);

let world: World;
const tokens: Record<string, string> = {};
let partnerId: number;

beforeAll(async () => {
  // Every generated request must reach the handlers: the rate limits (429 under a burst) have their own tests
  // (tests/integration/api-v1-write.test.ts), and 3,000 requests in a minute from one address would be refused.
  world = await startWorld(port(6), { JOBS: 'off', API_RATE_LIMIT_PER_IP_PER_MINUTE: '1000000', API_RATE_LIMIT_PER_TOKEN_PER_MINUTE: '1000000' });
  const db = world.db.db;
  const idOf = async (role: 'admin' | 'staff' | 'committee') => (await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail(role))))[0]!.id;
  const issue = async (role: 'admin' | 'staff' | 'committee', scope: 'read' | 'write') => {
    const result = await issueApiToken(db, { userId: await idOf(role), name: `fuzz ${role} ${scope}`, scope, days: 5, actorId: null });
    if (!result.ok) throw new Error(result.reason);
    return result.token;
  };
  tokens.staffWrite = await issue('staff', 'write');
  tokens.staffRead = await issue('staff', 'read');
  tokens.committeeRead = await issue('committee', 'read');
  tokens.revoked = await issue('admin', 'write');
  const [row] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(tokens.revoked)));
  await revokeApiToken(db, { tokenId: row!.id, actorId: await idOf('admin'), ownerId: null });
  [{ id: partnerId }] = (await db.select({ id: partners.id }).from(partners).limit(1)) as [{ id: number }];
  tokens.expired = await issue('admin', 'write');
  await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.tokenHash, hashApiToken(tokens.expired)));
});

afterAll(async () => {
  await world?.close();
});

/** Header values a client can send (no CR/LF or control characters: fetch itself refuses those). */
const headerText = fc.oneof(
  fc.constantFrom(...attackStrings.filter((s) => /^[\x20-\x7e]*$/.test(s))),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.nat({ max: 9_000 }).map((n) => 'k'.repeat(n)),
);
const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('staffWrite', 'staffRead', 'committeeRead', 'revoked', 'expired').map((k) => `Bearer ${tokens[k]}`),
  fc.constantFrom('staffWrite', 'committeeRead').map((k) => `bearer  ${tokens[k]}`),
  fc.constantFrom('staffWrite', 'revoked').map((k) => `Basic ${tokens[k]}`),
  headerText.map((s) => `Bearer ${s}`),
  headerText.map((s) => `Bearer srm_${s}`),
  headerText,
);
const apiParams = ['asOf', 'knownOn', 'from', 'region', 'cluster', 'submitted', 'sdg', 'goal', 'cursor', 'limit', 'indicator', 'period', 'reporter', 'status', 'q', 'page'];
const query = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...apiParams) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), text), { maxLength: 6 })
  .map((pairs) => {
    const q = new URLSearchParams();
    for (const [k, v] of pairs) q.append(k, v.slice(0, 2000));
    return q.toString();
  });
const hostile = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
const updateBody = fc.oneof(
  // Well-shaped updates with hostile fields (some valid, so that accepted writes happen too).
  fc
    .record(
      {
        indicator: fc.oneof(fc.constantFrom('G3.4', 'G1.1', 'G5.2', 'G9.9'), hostile),
        period: fc.oneof(fc.constantFrom('2020-Q3', '2020-Q4', '2021-Q1', '2020-13'), hostile),
        value: fc.oneof(fc.integer({ min: 0, max: 100 }), hostile),
        partnerId: fc.oneof(fc.nat({ max: 30 }), hostile),
        note: hostile,
        evidenceUrl: hostile,
        confirmPlausibility: fc.oneof(fc.constant(true), hostile),
      },
      { requiredKeys: ['indicator', 'period', 'value'] },
    )
    .map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 300 }),
  fc.nat({ max: 300_000 }).map((n) => JSON.stringify({ indicator: 'G3.4', period: '2020-Q4', value: 1, note: 'x'.repeat(n) })),
);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined);
const idempotencyKey = fc.oneof(fc.constant(undefined), fc.constant('fuzz-fixed-key-0001'), headerText, fc.uuid());

describe('fuzzing the API over HTTP', () => {
  it(`${totalInputs} generated requests: never a 500, refused writes change nothing, accepted ones are audited`, { timeout: 2_400_000 }, async () => {
    const client = world.clients.anonymous;
    const routes = Object.keys(routeAccess)
      .filter((r) => r.startsWith('/api/v1/'))
      .map((r) => r.replace('[year]', '2020').replace('[code]', 'G1.1').replace('[registry]', 'cities').replace('[id]', '1'));
    const perRoute = Math.ceil(totalInputs / 2 / routes.length);
    const failures: string[] = [];
    let tried = 0;
    let fiveHundreds = 0;
    let accepted = 0;
    const checksums = () => tableChecksums(world.db.db, { exclude: [...bookkeeping], cacheKey: 'api-fuzz' });
    let before = await checksums();
    const changed = async () => {
      const after = await checksums();
      const tables = changedTables(before, after);
      before = after;
      return tables;
    };

    for (const path of routes) {
      await fc.assert(
        fc.asyncProperty(query, authorization, async (q, auth) => {
          const response = await client.request(`${path}?${q}`, { headers: auth === undefined ? {} : { authorization: auth }, keepCookies: false });
          tried++;
          if (response.status >= 500) {
            fiveHundreds++;
            failures.push(`GET ${path}?${q.slice(0, 80)} (${String(auth).slice(0, 30)}): ${response.status}`);
          }
        }),
        { numRuns: perRoute, seed: Number(process.env.RELIABILITY_FUZZ_SEED ?? 20201115) },
      );
      const writes = (await changed()).filter((t) => !knowledgeSnapshotTables.has(t));
      if (writes.length) failures.push(`GET ${path} changed ${writes.join(', ')}`);
    }

    /** The last well-formed update sent: a retry with its key must create nothing new. */
    let last: { body: string; key: string } | undefined;
    const kind = fc.oneof({ weight: 1, arbitrary: fc.constant('good' as const) }, { weight: 1, arbitrary: fc.constant('retry' as const) }, { weight: 8, arbitrary: fc.constant('fuzz' as const) });
    await fc.assert(
      fc.asyncProperty(kind, fc.integer({ min: 1, max: 50 }), fc.uuid(), updateBody, authorization, contentType, idempotencyKey, async (k, value, uuid, fuzzBody, fuzzAuth, fuzzType, fuzzKey) => {
        // Some requests a partner's system would send (and retry), so that accepted writes are exercised too.
        const good = k === 'good' || (k === 'retry' && last === undefined);
        if (good) last = { body: JSON.stringify({ indicator: 'G3.4', period: '2020-Q4', partnerId, value, confirmPlausibility: true, note: 'From the partner system (fuzz)' }), key: `fuzz-${uuid}` };
        const body = k === 'fuzz' ? fuzzBody : last!.body;
        const auth = k === 'fuzz' ? fuzzAuth : `Bearer ${tokens.staffWrite}`;
        const type = k === 'fuzz' ? fuzzType : 'application/json';
        const key = k === 'fuzz' ? fuzzKey : last!.key;
        const headers: Record<string, string> = {};
        if (auth !== undefined) headers.authorization = auth;
        if (type !== undefined) headers['content-type'] = type;
        if (key !== undefined) headers['idempotency-key'] = key;
        const response = await client.request('/api/v1/plans/2020/updates', { method: 'POST', headers, body, keepCookies: false });
        tried++;
        const tables = await changed();
        const where = `POST updates (${String(auth).slice(0, 24)}, ${type}, key ${String(key).slice(0, 20)}): ${response.status}`;
        if (response.status >= 500) {
          fiveHundreds++;
          failures.push(`${where} ${response.body.slice(0, 160)}`);
        }
        if (response.status === 201) {
          accepted++;
          if (!tables.includes('audit_log')) failures.push(`${where} changed ${tables.join(', ')} without an audit row`);
        } else if (tables.length) failures.push(`${where} changed ${tables.join(', ')} although it did not create`);
        if (k === 'retry' && !good && response.status !== 200 && response.status !== 429) failures.push(`${where}: a retry with its key should answer 200`);
      }),
      { numRuns: Math.ceil(totalInputs / 2), seed: Number(process.env.RELIABILITY_FUZZ_SEED ?? 20201115) },
    );

    record('inputs tried', tried);
    record('500s', fiveHundreds);
    expect(accepted).toBeGreaterThan(0);
    process.stdout.write(`api fuzz: ${tried} requests, ${accepted} accepted writes, ${fiveHundreds} 500s\n`);
    const errors = failures.length ? [...new Set(world.server.json().filter((l) => l.event === 'http.error').map((l) => `${l.routePath} ${l.name}: ${String(l.message).slice(0, 160)}`))] : [];
    expect(failures.slice(0, 20), errors.slice(0, 20).join('\n')).toEqual([]);
    expect(world.server.process.exitCode).toBeNull();
    expect(tried).toBeGreaterThanOrEqual(totalInputs);
  });
});
