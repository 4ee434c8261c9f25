import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The floor (bench/floor): a bare Next app with one dynamic page (a 30-row table) and one route handler, built
 * and served with the app's own Next in the same run, so that each page of the app is read as a ratio to it.
 */
export interface FloorServer {
  child: ChildProcess;
  origin: string;
  /** null when the build in place was newer than every source of the floor (nothing to build). */
  buildMs: number | null;
  stop(): Promise<void>;
}

export const floorPaths = { page: '/', route: '/api/rows' } as const;

export async function startFloor(o: { appDir: string; port: number; distDir: string }): Promise<FloorServer> {
  const dir = path.join(o.appDir, 'bench', 'floor');
  const next = path.join(o.appDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: o.distDir };
  // Built with webpack: Turbopack takes the workspace's root (the repository's, where the lockfile is) as the
  // place of instrumentation.ts and proxy.ts, and compiled the app's into the floor (which then opened a database).
  const began = performance.now();
  let buildMs: number | null = null;
  if (!builtAfterSources(dir, o.distDir)) {
    const built = spawnSync(process.execPath, [next, 'build', '--webpack'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('next build of bench/floor failed');
    buildMs = Math.round(performance.now() - began);
  }
  const child = spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(o.port)], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-4000)));
  const origin = `http://127.0.0.1:${o.port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the floor's next start exited:\n${output}`);
    try {
      if ((await fetch(`${origin}${floorPaths.route}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the floor did not answer:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    child,
    origin,
    buildMs,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A build of the floor newer than each of its sources (a fresh checkout, as CI's, always builds). */
function builtAfterSources(dir: string, distDir: string): boolean {
  const id = path.join(dir, distDir, 'BUILD_ID');
  if (!existsSync(id)) return false;
  const builtAt = statSync(id).mtimeMs;
  const sources = ['next.config.mjs', ...readdirSync(path.join(dir, 'app'), { recursive: true, encoding: 'utf8' }).map((f) => path.join('app', f))];
  return sources.every((f) => statSync(path.join(dir, f)).mtimeMs < builtAt);
}
