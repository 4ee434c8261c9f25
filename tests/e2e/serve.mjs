// Starts the production server for the browser tests on a fresh embedded database (built first if needed).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const port = process.argv[2] ?? '3100';
const dataDir = path.resolve('.data', `e2e-${port}`, 'pglite');
rmSync(path.dirname(dataDir), { recursive: true, force: true });

// The browser tests sign in with the demo accounts: a production build serves the demo only when asked.
const env = { ...process.env, PGLITE_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1', DEMO_MODE: '1' };
delete env.DATABASE_URL;

const distDir = process.env.NEXT_DIST_DIR || '.next';
// E2E_DEV=1 serves with `next dev` (no build; slower pages) for quick local runs of one spec.
const dev = process.env.E2E_DEV === '1';
if (!dev && !existsSync(path.join(distDir, 'BUILD_ID'))) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Production is served as `npm start` serves it (`next start`), with Next's binary under this Node.
const server = dev
  ? spawn('npx', ['next', 'dev', '-H', '127.0.0.1', '-p', port], { stdio: 'inherit', env })
  : spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', port], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
