import { defineConfig } from 'drizzle-kit';

// `drizzle-kit generate` only reads the schema; no database connection is needed to write migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
