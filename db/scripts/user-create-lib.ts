// The testable parts of `npm run user:create`: argument parsing and the run itself, given a database and a
// way to read a password. db/scripts/user-create.ts wires them to the terminal and the configured database.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Db } from '../client';
import { createUser, createUserWithPassword, emailTaken } from '../queries/users';
import { hashPassword } from '@/lib/auth/password';
import { newPasswordSchema } from '@/lib/auth/password-policy';
import { roles, type Role } from '@/lib/auth/policy';
import messages from '@/lib/i18n/messages/en';
import { createUserSchema } from '@/lib/validation/users';

export const USAGE = `Usage: npm run user:create -- --email <email> --name <name> --role <${roles.join('|')}> [--password-prompt] [--base-url <url>]

Creates a user on the configured database (DATABASE_URL, or the embedded store in ./.data) and prints a
one-time set-password link (valid 72 hours) to pass on. With --password-prompt, asks for the password on
the terminal instead (nothing is echoed) and prints no link. There is never a default password.

  --email            the user's email address (stored lower-cased)
  --name             the user's name, as shown in the app
  --role             ${roles.join(', ')}
  --password-prompt  set the password now, typed on the terminal
  --base-url         where the app is reached, for the link (default: $APP_URL or http://localhost:3000)`;

export interface UserCreateOptions {
  email: string;
  name: string;
  role: Role;
  passwordPrompt: boolean;
  /** Without a trailing slash. */
  baseUrl: string;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'error'; errors: string[] } | { kind: 'run'; options: UserCreateOptions };

/** An English message for a catalog key (validation messages are keys); the key itself if there is none. */
export function message(key: string): string {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}

const baseUrlSchema = z.url({ protocol: /^https?$/, error: 'Give --base-url as an http(s) URL, like https://me.example.org.' });

/** Parses the command line (the arguments after `--`); never throws. */
export function parseUserCreateArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'password-prompt': { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { kind: 'error', errors: [(error as Error).message] };
  }
  if (values.help) return { kind: 'help' };

  const errors: string[] = [];
  const missing = (['email', 'name', 'role'] as const).filter((k) => values[k] === undefined);
  for (const k of missing) errors.push(`--${k} is required.`);
  const parsed = createUserSchema.safeParse({ email: values.email, name: values.name, role: values.role });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (!missing.includes(field as 'email')) errors.push(`--${field}: ${message(issue.message)}`);
    }
  }
  const rawBase = values['base-url'] ?? env.APP_URL ?? 'http://localhost:3000';
  const base = baseUrlSchema.safeParse(rawBase);
  if (!base.success) errors.push(base.error.issues[0]?.message ?? 'Invalid --base-url.');
  if (errors.length > 0 || !parsed.success || !base.success) return { kind: 'error', errors };
  return {
    kind: 'run',
    options: { ...parsed.data, passwordPrompt: values['password-prompt'], baseUrl: base.data.replace(/\/+$/, '') },
  };
}

export interface UserCreateIo {
  /** Reads a password without echoing it. */
  readPassword(prompt: string): Promise<string>;
  log(line: string): void;
  error(line: string): void;
}

const PASSWORD_TRIES = 3;

async function askPassword(options: UserCreateOptions, io: UserCreateIo): Promise<string | null> {
  const schema = newPasswordSchema({ email: options.email });
  for (let attempt = 1; attempt <= PASSWORD_TRIES; attempt++) {
    const password = await io.readPassword(`Password for ${options.email}: `);
    const checked = schema.safeParse(password);
    if (!checked.success) {
      for (const issue of checked.error.issues) io.error(message(issue.message));
      continue;
    }
    const again = await io.readPassword('Repeat the password: ');
    if (again !== password) {
      io.error(message('password.mismatch'));
      continue;
    }
    return password;
  }
  return null;
}

/** Creates the user; returns the process exit code. Nothing secret is logged except the one-time link. */
export async function runUserCreate(db: Db, options: UserCreateOptions, io: UserCreateIo): Promise<number> {
  const who = `${options.name} <${options.email}> (${options.role})`;
  if (options.passwordPrompt) {
    // Checked first so that nobody types a password for an account that cannot be created.
    if (await emailTaken(db, options.email)) {
      io.error(message('admin.errors.duplicate_email'));
      return 1;
    }
    const password = await askPassword(options, io);
    if (password === null) {
      io.error('No acceptable password was given; nothing was created.');
      return 1;
    }
    const result = await createUserWithPassword(db, { ...options, passwordHash: await hashPassword(password), actorId: null });
    if (!result.ok) {
      io.error(message(`admin.errors.${result.error}`));
      return 1;
    }
    io.log(`Created ${who}. They can sign in now.`);
    return 0;
  }
  const result = await createUser(db, { ...options, actorId: null });
  if (!result.ok) {
    io.error(message(`admin.errors.${result.error}`));
    return 1;
  }
  io.log(`Created ${who}.`);
  io.log('Pass on this one-time set-password link privately; it is not stored and cannot be shown again:');
  io.log('');
  io.log(`  ${options.baseUrl}/set-password/${result.token}`);
  io.log('');
  io.log(`It works once and expires at ${result.expiresAt.toISOString()}.`);
  return 0;
}
