import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema';

export type DemoRole = 'admin' | 'staff' | 'committee';

export interface DemoAccount {
  email: string;
  name: string;
  role: DemoRole;
}

/** The one password of every demo account. Demo data only: never used outside a database marked demo. */
export const DEMO_PASSWORD = 'silkroad-demo-2020';

/** The three sign-in accounts the sign-in page offers, one per role. Fictional people only. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.local', name: 'Demo Admin', role: 'admin' },
  { email: 'staff@demo.local', name: 'Demo Staff', role: 'staff' },
  { email: 'committee@demo.local', name: 'Demo Committee Member', role: 'committee' },
] as const satisfies readonly DemoAccount[];

/** Further fictional staff who own indicators and meeting items (same password). */
export const DEMO_EXTRA_STAFF = [
  { email: 'beijing.officer@demo.local', name: 'Demo Project Officer (Beijing)', role: 'staff' },
  { email: 'ny.officer@demo.local', name: 'Demo M&E Officer (New York)', role: 'staff' },
] as const satisfies readonly DemoAccount[];

export const DEMO_USERS: readonly DemoAccount[] = [...DEMO_ACCOUNTS, ...DEMO_EXTRA_STAFF];

export type DemoEmail = (typeof DEMO_ACCOUNTS)[number]['email'] | (typeof DEMO_EXTRA_STAFF)[number]['email'];

/** Short names used throughout the seed data for who owns, reports, reviews. */
export const ADMIN: DemoEmail = 'admin@demo.local';
export const STAFF: DemoEmail = 'staff@demo.local';
export const BEIJING: DemoEmail = 'beijing.officer@demo.local';
export const NEW_YORK: DemoEmail = 'ny.officer@demo.local';

/** email → user id; a missing email means "nobody" (null owner). */
export type UserIds = ReadonlyMap<string, string>;

export function userId(ids: UserIds, email: string | undefined): string | null {
  return email ? (ids.get(email) ?? null) : null;
}

/** Ids of whichever demo users exist (for seeding the plan alone, where owners are optional). */
export async function findDemoUsers(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        sql`lower(${users.email})`,
        DEMO_USERS.map((u) => u.email),
      ),
    );
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}

/**
 * Creates the demo users that do not exist yet (an existing account with the same email is left untouched)
 * and returns every demo user's id. `passwordHash` is computed once by the caller and shared.
 */
export async function insertDemoUsers(db: Db, passwordHash: string): Promise<Map<string, string>> {
  await db
    .insert(users)
    .values(DEMO_USERS.map((u) => ({ email: u.email, name: u.name, role: u.role, passwordHash })))
    .onConflictDoNothing();
  return findDemoUsers(db);
}
