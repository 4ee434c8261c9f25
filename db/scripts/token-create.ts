// `npm run token:create -- --email a@b.org --scope read|write --days N [--name "…"]`: see USAGE.
import { openConfiguredDatabase } from '../client';
import { parseTokenCreateArgs, runTokenCreate, USAGE } from './token-create-lib';
import { helpOrArgumentErrors } from './cli-args';

async function main(): Promise<number> {
  const parsed = parseTokenCreateArgs(process.argv.slice(2));
  if (parsed.kind === 'help' || parsed.kind === 'error') return helpOrArgumentErrors(parsed, USAGE);
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    // The token alone on standard output (for a pipe); everything else on standard error.
    return await runTokenCreate(handle.db, parsed, { out: (line) => process.stdout.write(`${line}\n`), error: (line) => console.error(line) });
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
