import { afterAll, describe, expect, it } from 'vitest';
import { GET as live } from '@/app/api/health/live/route';
import { GET } from '@/app/api/health/route';
import { closeDb, useDatabaseHandle } from '@/db';
import { createTestDatabase, driverUnderTest } from '../support/db';

/** Everything the server writes to stdout and stderr while `run` runs. */
async function captureLog(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return lines;
}

describe('GET /api/health (readiness) and /api/health/live (liveness)', () => {
  afterAll(async () => {
    await closeDb();
  });

  it('answers 503 with a generic reason when PostgreSQL cannot be reached, and logs the detail once', async () => {
    process.env.DATABASE_URL = 'postgres://someone:secret@127.0.0.1:1/nowhere';
    const bodies: string[] = [];
    const responses: Response[] = [];
    try {
      const log = await captureLog(async () => {
        for (let i = 0; i < 3; i++) {
          const response = await GET();
          responses.push(response);
          bodies.push(await response.text());
        }
      });
      for (const [i, response] of responses.entries()) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        expect(JSON.parse(bodies[i]!)).toEqual({ status: 'unavailable', database: { ok: false, reason: 'database_unavailable' } });
      }
      // Nothing of the driver's error reaches an anonymous caller: no host, port, database, user or message.
      for (const leak of ['secret', 'someone', 'nowhere', '127.0.0.1', 'ECONNREFUSED', 'listening', 'PostgreSQL']) {
        expect(bodies.join('\n')).not.toContain(leak);
      }
      // The log has the detail, once for the outage (not once per request), and never the password.
      const lost = log.filter((l) => l.includes('"event":"db.unavailable"'));
      expect(lost).toHaveLength(1);
      expect(lost[0]).toContain('ECONNREFUSED');
      expect(log.join('\n')).not.toContain('secret');
    } finally {
      delete process.env.DATABASE_URL;
    }
  });

  it(`answers 200 with the driver when the database answers (${driverUnderTest}), and logs that it is back`, async () => {
    useDatabaseHandle(await createTestDatabase());
    // The outage above is still on record: this check sees the database answer and the probe confirms it.
    await new Promise((r) => setTimeout(r, 250));
    let response: Response | undefined;
    const log = await captureLog(async () => {
      response = await GET();
    });
    expect(response!.status).toBe(200);
    expect(await response!.json()).toMatchObject({ status: 'ok', database: { ok: true, driver: driverUnderTest } });
    expect(log.filter((l) => l.includes('"event":"db.available"'))).toHaveLength(1);
  });

  it('liveness answers 200 without touching the database', async () => {
    await closeDb();
    process.env.DATABASE_URL = 'postgres://someone:secret@127.0.0.1:1/nowhere';
    try {
      const response = live();
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    } finally {
      delete process.env.DATABASE_URL;
    }
  });
});
