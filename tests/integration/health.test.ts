import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { closeDb, useDatabaseHandle } from '@/db';
import { createTestDatabase, driverUnderTest } from '../support/db';

describe('GET /api/health', () => {
  afterAll(async () => {
    await closeDb();
  });

  it('answers 503 with the reason, without the password, when PostgreSQL cannot be reached', async () => {
    process.env.DATABASE_URL = 'postgres://someone:secret@127.0.0.1:1/nowhere';
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.status).toBe('unavailable');
      expect(body.database.error).toContain('nothing is listening');
      expect(JSON.stringify(body)).not.toContain('secret');
    } finally {
      delete process.env.DATABASE_URL;
    }
  });

  it(`answers 200 with the driver when the database answers (${driverUnderTest})`, async () => {
    useDatabaseHandle(await createTestDatabase());
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true, driver: driverUnderTest } });
  });
});
