import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db';
import { databaseKnownAway, databaseSuspect, recordProbe } from '@/db/availability';
import { openPostgres, type DbHandle } from '@/db/client';

/**
 * Is the database answering? Probed at most once a second (shared by every bundle in the process through
 * globalThis), so the proxy can answer "service unavailable" quickly without a query per request. The probe and
 * every query of the app feed one record of availability (db/availability.ts): a query that finds the database
 * gone turns the next requests away at once, and the probe is what notices it back.
 */
interface ProbeState {
  checkedAt: number;
  pending?: Promise<void>;
}

const state: ProbeState = ((globalThis as { __srmDbProbe?: ProbeState }).__srmDbProbe ??= { checkedAt: 0 });

/**
 * On PostgreSQL the probe has a connection of its own: through the app's pool it would queue behind busy
 * queries (a slow report is not an outage), and it would share connections caught mid-connect by a restart.
 * A stopped server refuses the probe's connection at once, so an outage is seen by the next request.
 */
const probeGlobal = globalThis as { __srmProbeHandle?: DbHandle };
async function probeHandle(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return getDbHandle();
  // A short connect timeout: a probe connection caught by a restart must not hold up the next probe for long.
  // Nor does it wait for the database to come back, as the app's reads do: its answer is whether it is there now.
  probeGlobal.__srmProbeHandle ??= openPostgres(url, { max: 1, connectTimeoutS: 1, readWaitMs: 0 });
  return probeGlobal.__srmProbeHandle;
}
const FRESH_MS = 1000;
// While the database is away a probe costs a refused connection: look again sooner, so that pages are back
// within moments of the database accepting connections.
const FRESH_WHILE_AWAY_MS = 200;
// Longer than the probe's connect timeout, so that a server that is away is reported as such.
const PROBE_TIMEOUT_MS = 1500;

async function probe(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = Symbol('timeout');
  const startedAt = Date.now();
  try {
    const outcome = await Promise.race([
      (async () => {
        await getDbHandle();
        const handle = await probeHandle();
        // Once more on a fresh connection: the probe's own connection may have been dropped (terminated, or cut by a
        // network blip) while the server still answers. A server that is away refuses the second try at once too.
        await handle.db.execute(sql`select 1`).catch(() => handle.db.execute(sql`select 1`));
      })(),
      new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(() => resolve(timedOut), PROBE_TIMEOUT_MS);
      }),
    ]);
    // A slow answer is a busy database (a long import on the embedded store), not a down one: keep the last state.
    if (outcome !== timedOut) recordProbe(startedAt);
  } catch (error) {
    // Whatever stops the probe (a failed start or migration too) means the app cannot serve now.
    recordProbe(startedAt, error);
  } finally {
    clearTimeout(timer);
    state.checkedAt = Date.now();
  }
}

const WAIT_MS = 250;

/**
 * The database's state, probed at most once a second, and at once after a query failed for want of it. A
 * request waits for a running probe a little (a refused connection fails at once, so a database that just went
 * down is seen by the very next request), but never long: a busy database answers late, and the last state
 * stands meanwhile. The very first probe is waited for in full.
 */
export async function databaseStatus(): Promise<{ ok: boolean }> {
  const fresh = databaseKnownAway() ? FRESH_WHILE_AWAY_MS : FRESH_MS;
  if ((databaseSuspect() || Date.now() - state.checkedAt > fresh) && !state.pending) {
    state.pending = probe().finally(() => {
      state.pending = undefined;
    });
  }
  if (state.pending) {
    if (state.checkedAt === 0) await state.pending;
    else {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([state.pending, new Promise((r) => (timer = setTimeout(r, WAIT_MS)))]);
      clearTimeout(timer);
    }
  }
  return { ok: !databaseKnownAway() };
}
