import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DbHandle } from '@/db/client';

/**
 * A fresh, migrated database for one test file: embedded PGlite loaded from the migrated template by default,
 * or a new database on the real PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function createTestDatabase(): Promise<DbHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = readFileSync(inject('pgliteTemplate'));
    return openPglite(undefined, new Blob([template]));
  }
  // TEST_DATABASE_PREFIX keeps one person's test databases apart from another's on a shared server.
  const name = `${process.env.TEST_DATABASE_PREFIX ?? 'srm_test_'}${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 5 });
  await handle.migrate();
  return {
    ...handle,
    /** The database's URL, for tests that open a second connection pool (two workers at once). */
    url: url.toString(),
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export const driverUnderTest = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
