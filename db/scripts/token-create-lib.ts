import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { newApiTokenSchema } from '@/lib/validation/api-tokens';
import type { Db } from '../client';
import { issueApiToken } from '../queries/auth/api-tokens';
import { users } from '../schema';

export const USAGE = `Usage: npm run token:create -- --email someone@example.org --scope read|write --days N [--name "…"]

Makes a personal access token for an active user (for automation: a report refresh, a partner's system) and prints
it once on standard output; only its hash is stored. --days is at most 365. The write scope needs a role that logs
progress (staff or admin). The token acts as that user with at most its scope; revoke it on the account page or
the admins' token page.`;

export type TokenCreateArgs =
  | { kind: 'help' }
  | { kind: 'error'; errors: string[] }
  | { kind: 'ok'; email: string; name: string; scope: 'read' | 'write'; days: number };

export function parseTokenCreateArgs(argv: string[]): TokenCreateArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, scope: { type: 'string' }, days: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    return { kind: 'error', errors: [(error as Error).message] };
  }
  if (values.help) return { kind: 'help' };
  const email = typeof values.email === 'string' ? values.email.trim() : '';
  const errors: string[] = email ? [] : ['--email is required.'];
  const parsed = newApiTokenSchema.safeParse({ name: values.name ?? 'command line', scope: values.scope, days: values.days });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`--${String(issue.path[0])}: ${issueText[issue.message] ?? issue.message}`);
  }
  if (errors.length || !parsed.success) return { kind: 'error', errors };
  return { kind: 'ok', email, ...parsed.data };
}

/** The schema's message keys in words, for the terminal (the command speaks English). */
const issueText: Record<string, string> = {
  'api.tokens.validation.nameRequired': 'give the token a name',
  'api.tokens.validation.nameTooLong': 'at most 80 characters',
  'api.tokens.validation.scopeInvalid': 'read or write',
  'api.tokens.validation.daysInvalid': 'a whole number of days, at least 1',
  'api.tokens.validation.daysTooLong': 'at most 365 days',
};

export async function runTokenCreate(
  db: Db,
  args: Extract<TokenCreateArgs, { kind: 'ok' }>,
  io: { out: (line: string) => void; error: (line: string) => void },
): Promise<number> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, args.email.toLowerCase()));
  if (!user) {
    io.error(`No user with the email ${args.email}.`);
    return 1;
  }
  const result = await issueApiToken(db, { userId: user.id, name: args.name, scope: args.scope, days: args.days, actorId: null });
  if (!result.ok) {
    io.error(result.reason === 'user_inactive' ? 'That account is disabled.' : `That user's role cannot have a ${args.scope} token.`);
    return 1;
  }
  io.error(`Token "${args.name}" (${args.scope}) for ${args.email}, expires ${result.row.expiresAt.toISOString()}. It is shown once:`);
  io.out(result.token);
  return 0;
}
