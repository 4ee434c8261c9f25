import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { can, ForbiddenError, UnauthenticatedError, type Action } from '@/lib/auth/policy';
import { noteRequestUser } from '@/lib/observability/request-context';
import { userOfSession, type CurrentUser } from './session-user';

export type { CurrentUser } from './session-user';

/**
 * The session cookie's claims, read and verified by next-auth once per request (React's cache): the proxy only
 * looks for the cookie, so this is the one decryption a request makes (auth.config.ts: nor is it re-encrypted
 * until a refresh is due).
 */
export const sessionClaims = cache(async () => (await auth())?.user ?? null);

/**
 * The signed-in user, checked against the users table on every request (once per request, thanks to
 * React's cache): a disabled account, a changed role or a bumped session version (password reset, "sign out
 * everywhere") invalidates the session token at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims();
  if (!claims?.id) return null;
  const user = await userOfSession(claims);
  if (user) noteRequestUser(user.id);
  return user;
});

async function requestPath(): Promise<string> {
  return (await headers()).get('x-request-path') ?? '/';
}

async function signInRedirect(): Promise<never> {
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(await requestPath())}`);
}

const enrolmentPage = '/account/two-factor';

/**
 * For pages and layouts: the user, or a redirect to sign-in, or a 403 page. Call it before any <Suspense>
 * so that the status is decided before streaming starts.
 */
export async function requirePageUser(action: Action = 'dashboard.read'): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) return signInRedirect();
  if (!can(user.role, action)) forbidden();
  if (user.mustEnrolTwoFactor) {
    const path = await requestPath();
    if (!path.startsWith(enrolmentPage)) redirect(`${enrolmentPage}?required=1&callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

/** For server actions: 401 or 403 responses (server actions are public POST endpoints). */
export async function requireActionUser(action: Action): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) unauthorized();
  if (!can(user.role, action)) forbidden();
  // Until they enrol, admins required to use two-factor sign-in can only manage their own account.
  if (user.mustEnrolTwoFactor && action !== 'account.manage') forbidden();
  return user;
}

/** For route handlers and data reads: throws typed errors that handlers map to 401/403. */
export async function requireUser(action: Action): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (!can(user.role, action)) throw new ForbiddenError(action);
  if (user.mustEnrolTwoFactor && action !== 'account.manage') throw new ForbiddenError(action);
  return user;
}

/** Maps the typed errors to HTTP responses in route handlers. */
export function errorResponse(error: unknown): Response {
  if (error instanceof UnauthenticatedError) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (error instanceof ForbiddenError) return Response.json({ error: 'forbidden' }, { status: 403 });
  throw error;
}
