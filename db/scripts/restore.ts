// `npm run db:restore -- FILE`: restores a backup from `npm run db:backup` into an EMPTY database.
// PostgreSQL (DATABASE_URL, a new empty database): `pg_restore` in one transaction, stopping at the first error.
// Embedded PGlite: unpacks FILE.tar.gz into PGLITE_DATA_DIR (or ./.data/pglite), which must not exist yet.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { defaultDataDir, redactUrl } from '../client';
import { runPgTool } from './pg-tools';

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true });
  const file = positionals[0];
  if (!file || !existsSync(file)) throw new Error('name an existing backup file: npm run db:restore -- FILE');
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      const [row] = await client<{ n: number }[]>`
        select count(*)::int as n from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema')`;
      if (row!.n > 0) throw new Error(`${redactUrl(url)} is not empty (${row!.n} tables): restore into a new, empty database`);
    } finally {
      await client.end();
    }
    await runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', path.resolve(file)], url);
    console.info(`Restored ${path.resolve(file)} into ${redactUrl(url)}`);
    return;
  }
  const dataDir = defaultDataDir();
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty: move it aside, or set PGLITE_DATA_DIR to a new folder`);
  }
  const db = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
  await db.waitReady;
  await db.query('select 1');
  await db.close();
  console.info(`Restored ${path.resolve(file)} into the embedded database at ${dataDir}`);
}

main().catch((error: Error) => {
  console.error(`Restore failed: ${error.message}`);
  process.exit(1);
});
