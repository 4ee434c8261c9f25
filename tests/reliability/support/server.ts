import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The production build the HTTP tests serve: NEXT_DIST_DIR (CI: .next, built by the step before). */
export const distDir = process.env.NEXT_DIST_DIR || '.next';
const root = path.resolve(__dirname, '../../..');

export function assertBuilt(): void {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npx next build\` first.`);
  }
}

export interface AppServer {
  baseUrl: string;
  process: ChildProcess;
  /** Everything the server printed, one entry per line. */
  lines: string[];
  /** The structured (JSON) lines the server printed. */
  json(): Record<string, unknown>[];
  stop(): Promise<void>;
  /** SIGKILL: no clean-up of any kind, as a crash. */
  kill9(): Promise<void>;
}

/** Ports 3403–3409 belong to this suite (RELIABILITY_PORT_BASE moves them, e.g. to run beside another copy). */
export function port(offset: number): number {
  return Number(process.env.RELIABILITY_PORT_BASE || 3403) + offset;
}

/**
 * Starts `npm start`'s server (`next start`) on the production build, on the database named by `env`
 * (DATABASE_URL for PostgreSQL, PGLITE_DATA_DIR for the embedded store), and waits for /api/health.
 */
export async function startApp(options: { port: number; env: Record<string, string | undefined>; waitHealthy?: boolean }): Promise<AppServer> {
  assertBuilt();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    AUTH_SECRET: 'reliability-suite-secret-0123456789abcdef0123',
    // The suite signs in with the demo accounts on the embedded store: demo mode must be asked for in production.
    DEMO_MODE: '1',
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env[k] = v;
  // Next's own binary under this Node, without npx: killing the child leaves no orphan behind.
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(options.port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const server: AppServer = {
    baseUrl,
    process: child,
    lines,
    json: () =>
      lines.flatMap((l) => {
        if (!l.startsWith('{')) return [];
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
  if (options.waitHealthy !== false) {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${lines.slice(-30).join('\n')}`);
      try {
        const res = await fetch(`${baseUrl}/api/health`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`server not healthy in time:\n${lines.slice(-30).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return server;
}
