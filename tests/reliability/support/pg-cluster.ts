import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync } from 'node:fs';
import postgres from 'postgres';
import { serverUrl } from './db';

/**
 * Stops, restarts and disturbs a local PostgreSQL cluster (Debian's pg_ctlcluster). By default the newest
 * version's `main` cluster on 5432, as on CI's own machine. On a shared machine, point the fault tests at a
 * private cluster instead, so that stopping it disturbs nobody:
 *   RELIABILITY_PG_VERSION=15 RELIABILITY_PG_CLUSTER=faults RELIABILITY_PG_PORT=5440
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5440/postgres
 * The tests always start a cluster they stopped again — also when the test process exits early.
 */
const version =
  process.env.RELIABILITY_PG_VERSION || readdirSync('/etc/postgresql').sort((a, b) => Number(a) - Number(b)).at(-1)!;
const cluster = process.env.RELIABILITY_PG_CLUSTER || 'main';
const clusterPort = process.env.RELIABILITY_PG_PORT || '5432';
let stopped = false;

/**
 * The cluster stopped must be the one the suite's databases live on: a TEST_DATABASE_URL on a private port
 * with the default cluster would stop the shared server instead. Refused before anything is stopped.
 */
function assertSameServer(): void {
  const urlPort = new URL(serverUrl).port || '5432';
  if (urlPort !== clusterPort) {
    throw new Error(
      `TEST_DATABASE_URL is on port ${urlPort} but the cluster to stop (${version}/${cluster}) is on ${clusterPort}: ` +
        'set RELIABILITY_PG_VERSION, RELIABILITY_PG_CLUSTER and RELIABILITY_PG_PORT to the cluster of TEST_DATABASE_URL.',
    );
  }
}

const ctl = (...args: string[]) =>
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, ...args], { stdio: 'ignore' });

export function isReady(): boolean {
  try {
    execFileSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', clusterPort]);
    return true;
  } catch {
    return false;
  }
}

export function startCluster(): void {
  assertSameServer();
  if (!isReady()) ctl('start');
  for (let i = 0; i < 60 && !isReady(); i++) execFileSync('sleep', ['0.5']);
  stopped = false;
}

export function stopClusterFast(): void {
  assertSameServer();
  stopped = true;
  ctl('stop', '-m', 'fast');
}

/**
 * A fast stop and a start, without blocking the test process (its readers and writers keep running and
 * timing). Resolves with the moment the cluster first answered a query again: polled from this process while
 * pg_ctlcluster is still starting it, since the command itself returns a while after that on a busy machine.
 */
export async function restartFast(downMs: number): Promise<{ acceptingAt: number }> {
  assertSameServer();
  const run = promisify(execFile);
  stopped = true;
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'stop', '-m', 'fast']);
  await new Promise((r) => setTimeout(r, downMs));
  const starting = run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start']);
  let acceptingAt = 0;
  while (!acceptingAt) {
    const probe = postgres(serverUrl, { max: 1, connect_timeout: 1, onnotice: () => {} });
    try {
      await probe`select 1`;
      acceptingAt = Date.now();
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      await probe.end({ timeout: 1 }).catch(() => {});
    }
  }
  await starting;
  stopped = false;
  return { acceptingAt };
}

/** Terminates every server process connected to database `name` (the app's pool, the probe), as a pooler or failover does. */
export async function terminateConnections(name: string): Promise<number> {
  assertSameServer();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ n: number }[]>`
      select count(*)::int as n from (
        select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()) t`;
    return rows[0]!.n;
  } finally {
    await admin.end({ timeout: 1 });
  }
}

// The trap: whatever happens to the test process, a cluster it stopped is started again.
for (const event of ['exit', 'SIGINT', 'SIGTERM'] as const) {
  process.on(event, () => {
    if (stopped) {
      try {
        startCluster();
      } catch {
        // nothing more can be done while exiting
      }
    }
    if (event !== 'exit') process.exit(1);
  });
}
