import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { issueApiToken } from '@/db/queries/auth/api-tokens';
import { users } from '@/db/schema';

/** A response body, read by the tests' assertions (which are its type check). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes are asserted, not declared
export type Body = any;

/** Any route handler of /api/v1, whatever its params. */
export type ApiHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** Calls an /api/v1 route handler as Next would: a Request and its params. */
export async function callApi(
  handler: ApiHandler,
  path: string,
  options: { token?: string; method?: string; body?: string; headers?: Record<string, string>; params?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: () => Promise<Body>; text: () => Promise<string> }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new Request(`http://localhost${path}`, { method: options.method ?? 'GET', headers, body: options.body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) as Promise<never> });
  return { status: response.status, headers: response.headers, json: () => response.json(), text: () => response.text() };
}

export async function userIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** A fresh token for a demo user. */
export async function tokenFor(db: Db, email: string, scope: 'read' | 'write' = 'read', days = 30): Promise<string> {
  const result = await issueApiToken(db, { userId: await userIdOf(db, email), name: `${scope} test`, scope, days, actorId: null });
  if (!result.ok) throw new Error(result.reason);
  return result.token;
}
