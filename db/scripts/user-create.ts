// `npm run user:create -- --email a@b.org --name "…" --role admin [--password-prompt] [--base-url …]`:
// the first admin of a real deployment (and any later account) without a default password. See USAGE.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { openConfiguredDatabase } from '../client';
import { parseUserCreateArgs, runUserCreate, USAGE, type UserCreateIo } from './user-create-lib';
import { helpOrArgumentErrors } from './cli-args';

class Cancelled extends Error {}

/**
 * Reads passwords from the terminal with echo off: readline writes what is typed to an output that is muted
 * while a password is read. Piped input (not a terminal) is read line by line, for automation.
 */
function passwordReader(): { read(prompt: string): Promise<string>; close(): void } {
  const tty = Boolean(process.stdin.isTTY);
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) process.stdout.write(chunk, encoding);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: tty });
  const lines = tty ? undefined : rl[Symbol.asyncIterator]();
  let cancel: ((error: Error) => void) | undefined;
  rl.on('SIGINT', () => cancel?.(new Cancelled('Cancelled; nothing was created.')));
  return {
    async read(prompt) {
      process.stdout.write(prompt);
      if (lines) {
        const next = await lines.next();
        process.stdout.write('\n');
        if (next.done) throw new Cancelled('No password on standard input; nothing was created.');
        return next.value;
      }
      muted = true;
      try {
        return await new Promise<string>((resolve, reject) => {
          cancel = reject;
          rl.question('', resolve);
        });
      } finally {
        muted = false;
        cancel = undefined;
        process.stdout.write('\n');
      }
    },
    close: () => rl.close(),
  };
}

async function main(): Promise<number> {
  const parsed = parseUserCreateArgs(process.argv.slice(2), process.env);
  if (parsed.kind === 'help' || parsed.kind === 'error') return helpOrArgumentErrors(parsed, USAGE);
  const handle = await openConfiguredDatabase();
  // Opened on first use only: a terminal readline takes over the keyboard (raw mode) while it is open.
  let reader: ReturnType<typeof passwordReader> | undefined;
  const io: UserCreateIo = {
    readPassword: (prompt) => (reader ??= passwordReader()).read(prompt),
    log: (line) => console.info(line),
    error: (line) => console.error(line),
  };
  try {
    await handle.migrate();
    return await runUserCreate(handle.db, parsed.options, io);
  } finally {
    reader?.close();
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof Cancelled ? error.message : `user:create failed: ${error.message}`);
    process.exit(1);
  },
);
