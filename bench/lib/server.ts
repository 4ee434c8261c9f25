import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { descendants, statusKb } from './process-tree';

/**
 * The production server under benchmark: `next build` (optional) and `next start` in the app directory, on
 * the benchmark database; its process tree's resident memory sampled from /proc; a committee member's
 * session obtained through the real sign-in endpoint (next-auth credentials, with its CSRF token).
 */
export interface ServerOptions {
  appDir: string;
  distDir: string;
  port: number;
  databaseUrl: string;
}

const serverEnv = (o: ServerOptions): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production' as const,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_DIST_DIR: o.distDir,
  DATABASE_URL: o.databaseUrl,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-only-secret-0123456789abcdef0123456789',
  AUTH_TRUST_HOST: 'true',
  // The benchmark measures printing PDFs, not the per-user limit on them.
  PDF_RATE_LIMIT_PER_MINUTE: '1000',
});

export function build(o: ServerOptions): void {
  const result = spawnSync(path.join(o.appDir, 'node_modules/.bin/next'), ['build'], { cwd: o.appDir, env: serverEnv(o), stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`next build failed in ${o.appDir}`);
}

export interface RunningServer {
  child: ChildProcess;
  origin: string;
  stop(): Promise<void>;
  /** Peak resident memory (VmHWM) and current VmRSS of the server's process tree, in MB. */
  memory(): { peakMb: number; rssMb: number };
  /** Throws, with the end of what the server printed, when it is no longer running. */
  assertRunning(): void;
}

/** The server's heap as `npm start` sizes it (package.json: SERVER_HEAP_MB, default 192, and a 16 MB semi-space). */
const heapCap = (): string => `--max-old-space-size=${process.env.SERVER_HEAP_MB ?? 192} --max-semi-space-size=16`;

export async function start(o: ServerOptions): Promise<RunningServer> {
  if (!existsSync(path.join(o.appDir, o.distDir, 'BUILD_ID'))) throw new Error(`no production build in ${path.join(o.appDir, o.distDir)}: run with --build`);
  const child = spawn(path.join(o.appDir, 'node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', String(o.port)], {
    cwd: o.appDir,
    env: { ...serverEnv(o), NODE_OPTIONS: `${heapCap()} ${process.env.NODE_OPTIONS ?? ''}`.trim() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer /api/health:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  let peakKb = 0;
  const sample = () => {
    const pids = descendants(child.pid!);
    const hwm = pids.reduce((s, p) => s + statusKb(p, 'VmHWM'), 0);
    peakKb = Math.max(peakKb, hwm);
    return pids.reduce((s, p) => s + statusKb(p, 'VmRSS'), 0);
  };
  const timer = setInterval(sample, 250);
  return {
    child,
    origin,
    memory: () => {
      const rss = sample();
      return { peakMb: Math.round(peakKb / 1024), rssMb: Math.round(rss / 1024) };
    },
    assertRunning() {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`next start exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}`);
      }
    },
    async stop() {
      clearInterval(timer);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Cookies from Set-Cookie headers, as one Cookie header value (merged into `jar`). */
function absorb(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through next-auth's credentials endpoint (the same authorize() the form uses); returns the Cookie header. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${origin}/api/auth/csrf`);
  absorb(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), origin },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/` }),
  });
  absorb(jar, res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${email} failed (${res.status} ${res.headers.get('location')})`);
  const check = await fetch(`${origin}/account`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`signed in, but /account answered ${check.status}`);
  // What a browser keeps from its first page: the proxy's mark that the session was just refreshed.
  absorb(jar, check);
  return cookieHeader(jar);
}
