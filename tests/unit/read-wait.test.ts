import type { Sql } from 'postgres';
import { describe, expect, it, vi } from 'vitest';
import { databaseKnownAway } from '@/db/availability';
import { isDatabaseUnavailable } from '@/db/errors';
import { resilientClient } from '@/db/resilient';

// A read already past the proxy when the database goes away waits for it (Next can only answer 500 for an error
// thrown while rendering); it records the outage and the return as the probe would; a write never runs again.

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const terminated = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

/** A postgres.js client whose statements answer from `outcomes`, one per statement, in order. */
function fakeSql(outcomes: (() => unknown)[], sent: string[]): Sql {
  const unsafe = (query: string) => {
    sent.push(query);
    const next = outcomes.shift() ?? (() => [{ ok: 1 }]);
    const run = () => new Promise((resolve, reject) => {
      try {
        const value = next();
        resolve(value);
      } catch (error) {
        reject(error);
      }
    });
    return { values: run, then: (a: (v: unknown) => unknown, b: (e: unknown) => unknown) => run().then(a, b) };
  };
  return { unsafe, end: async () => {} } as unknown as Sql;
}

function clientWith(pool: (() => unknown)[], fresh: (() => unknown)[], waitMs: number) {
  const sent: string[] = [];
  const poolSql = fakeSql(pool, sent);
  const freshSql = fakeSql(fresh, sent);
  const client = resilientClient(poolSql, { current: () => poolSql, fresh: () => freshSql, stalled: () => {} }, waitMs);
  return { client, sent };
}

describe('a read that meets an outage', () => {
  it('waits for the database to come back, and says it was away and is back (once each)', async () => {
    const log = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const info = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { client, sent } = clientWith([() => { throw terminated(); }], [() => { throw refused(); }, () => { throw refused(); }, () => [{ ok: 1 }]], 5000);
    const rows = await client.unsafe('select 1');
    expect(rows).toEqual([{ ok: 1 }]);
    expect(sent).toHaveLength(4);
    const lines = [...log.mock.calls, ...info.mock.calls].map(([l]) => String(l));
    expect(lines.filter((l) => l.includes('"db.unavailable"'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('"db.available"'))).toHaveLength(1);
    expect(databaseKnownAway()).toBe(false);
    vi.restoreAllMocks();
  });

  it('gives up with "unavailable" when the wait is over, and the probe\'s client does not wait at all', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const slow = clientWith([() => { throw refused(); }], Array.from({ length: 50 }, () => () => { throw refused(); }), 450);
    const began = Date.now();
    const error = await Promise.resolve(slow.client.unsafe('select 1')).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(Date.now() - began).toBeGreaterThanOrEqual(400);
    const probe = clientWith([() => { throw refused(); }], [() => { throw refused(); }], 0);
    const probeError = await Promise.resolve(probe.client.unsafe('select 1')).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(probeError)).toBe(true);
    expect(probe.sent).toHaveLength(2);
    vi.restoreAllMocks();
  });

  it('a write is never run again', async () => {
    const { client, sent } = clientWith([() => { throw terminated(); }], [], 5000);
    const error = await Promise.resolve(client.unsafe('insert into t values (1)')).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(sent).toEqual(['insert into t values (1)']);
  });
});
