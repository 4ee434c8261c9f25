import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/**
 * Stops and starts the local PostgreSQL cluster (Debian's pg_ctlcluster). Stopping it disturbs every other
 * user of the server for a few seconds: the tests do it twice at most, and always start it again — also
 * when the test process exits early.
 */
const version = readdirSync('/etc/postgresql').sort((a, b) => Number(a) - Number(b)).at(-1)!;
let stopped = false;

export function isReady(): boolean {
  try {
    execFileSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']);
    return true;
  } catch {
    return false;
  }
}

export function startCluster(): void {
  if (!isReady()) execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
  for (let i = 0; i < 60 && !isReady(); i++) execFileSync('sleep', ['0.5']);
  stopped = false;
}

export function stopClusterFast(): void {
  stopped = true;
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop', '-m', 'fast'], { stdio: 'ignore' });
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
