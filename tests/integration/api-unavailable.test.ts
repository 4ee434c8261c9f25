import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET as getIndicators } from '@/app/api/v1/plans/[year]/indicators/route';
import { POST as postUpdate } from '@/app/api/v1/plans/[year]/updates/route';
import { closeDb } from '@/db';
import { callApi } from '../support/api';

// A created update expires the cached views (revalidateTag): outside Next, the tags are recorded instead.
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);

describe('/api/v1 while the database is unavailable', () => {
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await closeDb();
  });

  it('answers 503 problem+json with Retry-After, for reads and writes alike, never a 500', async () => {
    process.env.DATABASE_URL = 'postgres://someone:secret@127.0.0.1:1/nowhere';
    const token = `srm_${'a'.repeat(43)}`;
    const read = await callApi(getIndicators, '/api/v1/plans/2020/indicators', { token, params: { year: '2020' } });
    const write = await callApi(postUpdate, '/api/v1/plans/2020/updates', {
      token,
      method: 'POST',
      params: { year: '2020' },
      headers: { 'content-type': 'application/json', 'idempotency-key': 'while-down-1' },
      body: '{}',
    });
    for (const response of [read, write]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const text = await response.text();
      expect(JSON.parse(text).type).toBe('urn:srm:problem:unavailable');
      for (const leak of ['secret', 'someone', 'nowhere', 'ECONNREFUSED']) expect(text).not.toContain(leak);
    }
  });
});
