import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';

/**
 * The floor (bench/floor): a bare Next app with one dynamic page (a 30-row table) and one route handler, built
 * and served with the app's own Next in the same run, so that each page of the app is read as a ratio to it.
 * The stack's floor (bench/floor-stack): the same page behind what the product's named stack costs any signed-in,
 * translated page (a nonce-setting proxy, next-auth's session, next-intl), so that a page's cost splits into what
 * the stack takes and what the app adds.
 */
export type FloorApp = 'floor' | 'floor-stack';
export interface FloorServer {
  child: ChildProcess;
  origin: string;
  /** null when the build in place was newer than every source of the floor (nothing to build). */
  buildMs: number | null;
  stop(): Promise<void>;
}

export const floorPaths = { page: '/', route: '/api/rows' } as const;

/** The secret of the stack's floor's sessions: it signs nothing but the benchmark's own cookie. */
const STACK_FLOOR_SECRET = 'bench-floor-stack-secret-0123456789abcdef0123';

/** A session cookie the stack's floor accepts, minted with next-auth's own encoder (as its sign-in would). */
export async function stackFloorCookie(): Promise<string> {
  const name = 'authjs.session-token';
  const token = await encode({ token: { sub: 'bench', name: 'Bench' }, secret: STACK_FLOOR_SECRET, salt: name, maxAge: 60 * 60 });
  return `${name}=${token}`;
}

export async function startFloor(o: { appDir: string; port: number; distDir: string; app?: FloorApp }): Promise<FloorServer> {
  const app = o.app ?? 'floor';
  const dir = path.join(o.appDir, 'bench', app);
  const next = path.join(o.appDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: o.distDir, AUTH_SECRET: STACK_FLOOR_SECRET };
  // Built with webpack: Turbopack takes the workspace's root (the repository's, where the lockfile is) as the
  // place of instrumentation.ts and proxy.ts, and compiled the app's into the floor (which then opened a database).
  const began = performance.now();
  let buildMs: number | null = null;
  if (!builtAfterSources(dir, o.distDir)) {
    const built = spawnSync(process.execPath, [next, 'build', '--webpack'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error(`next build of bench/${app} failed`);
    buildMs = Math.round(performance.now() - began);
  }
  const child = spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(o.port)], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-4000)));
  const origin = `http://127.0.0.1:${o.port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`bench/${app}'s next start exited:\n${output}`);
    try {
      // Any answer: the stack's floor refuses a request without its session cookie.
      await fetch(`${origin}${floorPaths.page}`);
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`bench/${app} did not answer:\n${output}`);
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
  const files = (sub: string) => readdirSync(path.join(dir, sub), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, sub, f));
  // The stack's floor's page shares the floor's rows.
  const sources = [...readdirSync(dir).filter((f) => /\.(m?js|jsx)$/.test(f)).map((f) => path.join(dir, f)), ...files('app'), path.join(dir, '..', 'floor', 'app', 'rows.js')];
  return sources.every((f) => statSync(f).mtimeMs < builtAt);
}
