import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DbHandle } from '@/db/client';

/** The PostgreSQL server the suite uses for what needs a real server (HTTP tests, faults, pg_dump). */
export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const driverUnderTest = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database on the PostgreSQL server; returns its URL and a function that drops it. */
export async function createPgDatabase(prefix = 'srm_rel'): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  // TEST_DATABASE_PREFIX keeps one person's test databases apart from another's on a shared server.
  const name = `${process.env.TEST_DATABASE_PREFIX ?? ''}${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    name,
    url: databaseUrl(name),
    async drop() {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await a.end();
    },
  };
}

/** Like tests/support/db.ts, with a pool big enough for real concurrency on PostgreSQL. */
export async function createTestDatabase(options: { max?: number } = {}): Promise<DbHandle> {
  if (!process.env.TEST_DATABASE_URL) {
    return openPglite(undefined, new Blob([readFileSync(inject('pgliteTemplate'))]));
  }
  const created = await createPgDatabase('srm_test');
  const handle = openPostgres(created.url, { max: options.max ?? 5 });
  await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      await created.drop();
    },
  };
}
