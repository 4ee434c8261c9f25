import { openConfiguredDatabase, type Db, type DbHandle } from './client';
import { demoModeOn } from '@/lib/demo-mode';
import { seedDemoIfEmpty } from './seed';

export type { Db, DbHandle } from './client';
export { DatabaseUnavailableError } from './client';

interface DbState {
  handle?: Promise<DbHandle>;
}

// One client per process, kept on globalThis so that Next's hot reload and duplicated module copies never
// open a second PGlite instance on the same folder.
const state: DbState = ((globalThis as { __silkRoadDb?: DbState }).__silkRoadDb ??= {});

async function start(): Promise<DbHandle> {
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    // An empty embedded database is a new laptop or demo: fill it with the demo work plan — never under
    // production unless demo mode is asked for (lib/demo-mode.ts).
    if (handle.driver === 'pglite' && demoModeOn()) await seedDemoIfEmpty(handle.db);
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/** The process's database handle: opened, migrated (and on an empty embedded store, seeded) once. */
export function getDbHandle(): Promise<DbHandle> {
  if (!state.handle) {
    state.handle = start();
    // A failed start (database down, bad URL) is retried on the next call instead of being cached.
    state.handle.catch(() => {
      state.handle = undefined;
    });
  }
  return state.handle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests point the app's data layer at their own database. */
export function useDatabaseHandle(handle: DbHandle): void {
  state.handle = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const handle = state.handle;
  state.handle = undefined;
  if (handle) await (await handle).close();
}
