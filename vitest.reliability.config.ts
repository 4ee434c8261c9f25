import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: attacks, load and faults. Kept apart from `npm test`, which stays
 * fast: these files start production servers, stop PostgreSQL and send tens of thousands of requests.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'server-only': fileURLToPath(new URL('./tests/support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts', 'tests/reliability/support/figures-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One file at a time: several start servers or stop the database, and the machine has two cores.
    fileParallelism: false,
    // The test process holds postgres.js clients of its own while these files terminate their connections and
    // restart the cluster. postgres.js 3.4.9 can then run a queued write after the socket is gone, from a
    // setImmediate callback (porsager/postgres#1154, #1208; fixes proposed, not released). That one defect, raised
    // from that one place, is let through and said on the console; any other unhandled error still fails the run.
    onUnhandledError(error) {
      const stack = String(error.stack ?? '') + JSON.stringify((error as { stacks?: unknown }).stacks ?? []);
      const known =
        error.name === 'TypeError' &&
        /Cannot read properties of null \(reading 'write'\)/.test(String(error.message)) &&
        /postgres[\\/]src[\\/]connection\.js/.test(stack);
      if (!known) return;
      console.warn('[reliability] tolerated the known postgres.js closed-socket write (porsager/postgres#1208)');
      return false;
    },
  },
});
