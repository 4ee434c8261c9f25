import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoAccounts } from '@/app/(auth)/sign-in/demo-accounts';
import { closeDb, getDb, useDatabaseHandle } from '@/db';
import { openPglite } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { users } from '@/db/schema';
import { demoModeOn, modeLine } from '@/lib/demo-mode';

// A production start must never serve the demo (public passwords, listed on the sign-in page) unless asked to.
// The demo is loaded only into the embedded store, so this runs on PGlite whichever driver the suite tests.

const saved = { NODE_ENV: process.env.NODE_ENV, DEMO_MODE: process.env.DEMO_MODE, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
const env = process.env as Record<string, string | undefined>;
const dirs: string[] = [];

afterEach(async () => {
  await closeDb();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startOnEmptyStore(mode: Record<string, string | undefined>): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'srm-demo-mode-'));
  dirs.push(dir);
  delete env.DATABASE_URL;
  env.PGLITE_DATA_DIR = path.join(dir, 'pglite');
  for (const [k, v] of Object.entries(mode)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row!.n);
}

describe('demo mode', () => {
  it('a production start on an empty embedded store loads no demo data and no demo accounts', async () => {
    expect(await startOnEmptyStore({ NODE_ENV: 'production', DEMO_MODE: undefined })).toBe(0);
  });

  it('DEMO_MODE=1 loads the demo under production; the quick start (not production) needs no setting', async () => {
    expect(await startOnEmptyStore({ NODE_ENV: 'production', DEMO_MODE: '1' })).toBeGreaterThan(0);
    expect(demoModeOn({ NODE_ENV: 'development' })).toBe(true);
    expect(demoModeOn({ NODE_ENV: 'production', DEMO_MODE: '0' })).toBe(false);
  }, 60_000);

  it('the sign-in page lists no demo account under production without DEMO_MODE, even on a demo database', async () => {
    const handle = await openPglite();
    await handle.migrate();
    await seedDemo(handle.db);
    useDatabaseHandle(handle);
    env.NODE_ENV = 'production';
    delete env.DEMO_MODE;
    expect(await DemoAccounts()).toBeNull();
  }, 60_000);

  it('says in one line which mode it runs in', () => {
    expect(modeLine({ NODE_ENV: 'production' })).toMatch(/^\[mode\] production on embedded PGlite: no demo data .*DEMO_MODE=1/);
    expect(modeLine({ NODE_ENV: 'production', DEMO_MODE: '1' })).toMatch(/^\[mode\] demo on embedded PGlite/);
    expect(modeLine({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toMatch(/^\[mode\] production on PostgreSQL/);
    expect(modeLine({ NODE_ENV: 'production' }).split('\n')).toHaveLength(1);
  });
});
