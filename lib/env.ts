import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** lib/demo-mode.ts: 1 turns the demo on under production, 0 off anywhere. */
  DEMO_MODE: z.enum(['0', '1', 'true', 'false']).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Reads and validates the environment; a wrong value stops the process with a message that says which. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/**
 * Makes sure AUTH_SECRET is set. A production deployment on PostgreSQL must set it (sessions signed with a
 * secret generated per machine would break behind a load balancer); the embedded demo generates one on first
 * run into an ignored file, so nothing has to be set by hand.
 */
export function ensureAuthSecret(env: Env = readEnv(), dataRoot = path.join(/*turbopackIgnore: true*/ process.cwd(), '.data')): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new Error(
      'AUTH_SECRET is not set. A production start on PostgreSQL needs it to sign sessions: ' +
        'generate one with `openssl rand -base64 32` and set it in the environment.',
    );
  }
  const file = path.join(/*turbopackIgnore: true*/ dataRoot, 'auth-secret');
  let secret: string;
  if (existsSync(file)) {
    secret = readFileSync(file, 'utf8').trim();
  } else {
    mkdirSync(dataRoot, { recursive: true });
    secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret;
  return secret;
}
