// `npm run db:backup [-- FILE]`: a consistent copy of the whole database.
// PostgreSQL (DATABASE_URL): `pg_dump` in custom format (FILE.dump), taken from one snapshot while the app runs.
// Embedded PGlite: a gzipped dump of the data folder (FILE.tar.gz); stop the app first (the folder is locked).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, openPglite, redactUrl } from '../client';
import { runPgTool } from './pg-tools';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    // --snapshot: an exported snapshot id (pg_export_snapshot()) to dump exactly that moment (used by the tests).
    options: { snapshot: { type: 'string' } },
  });
  const url = process.env.DATABASE_URL;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(positionals[0] ?? path.join('backups', `srm-${stamp}.${url ? 'dump' : 'tar.gz'}`));
  mkdirSync(path.dirname(file), { recursive: true });
  if (url) {
    const args = ['--format=custom', '--no-owner', '--no-privileges', '--file', file];
    if (values.snapshot) args.push(`--snapshot=${values.snapshot}`);
    await runPgTool('pg_dump', args, url);
    console.info(`Backed up ${redactUrl(url)}`);
  } else {
    const dataDir = defaultDataDir();
    const handle = await openPglite(dataDir);
    try {
      const dump = await handle.dumpDataDir!();
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await handle.close();
    }
    console.info(`Backed up the embedded database at ${dataDir}`);
  }
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  console.info(`${file} (${statSync(file).size} bytes, sha256 ${sha256})`);
}

main().catch((error: Error) => {
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
});
