import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: attacks, load and faults (issue 10). Kept apart from `npm test`, which stays
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
  },
});
