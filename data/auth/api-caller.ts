import 'server-only';
import { getDb } from '@/db';
import { authenticateApiToken } from '@/db/queries/auth/api-tokens';
import { canWithToken, scopesOf, type Action, type TokenScope } from '@/lib/auth/policy';
import { ApiProblem } from '@/lib/api/problems';
import { cookieHeaderHasSession } from '@/lib/auth/session-cookie';
import { log } from '@/lib/log';
import { mustEnrol, type CurrentUser } from './session-user';

/**
 * The caller of an /api/v1 request: the same CurrentUser as data/auth/session.ts gives pages, with the scopes it
 * may use. A personal access token (Authorization: Bearer, the only place a token is read) acts as its owner with
 * at most its scope; a signed-in browser session (next-auth's, as for pages) may read only — writes
 * need a token. Both are checked against the database on every request.
 */
export interface ApiCaller extends CurrentUser {
  scopes: TokenScope[];
  /** The token used, or null for a browser session. */
  tokenId: string | null;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,200})$/;

export async function apiCaller(request: Request): Promise<ApiCaller> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = BEARER.exec(authorization.trim());
    if (!match) throw new ApiProblem('invalid_token', { headers: challenge('invalid_request') });
    const db = await getDb();
    const check = await authenticateApiToken(db, match[1]!);
    if (!check.ok) {
      // Why, for the operator; never the token itself.
      log('info', 'api.token_refused', { reason: check.reason });
      throw new ApiProblem('invalid_token', { headers: challenge('invalid_token') });
    }
    const { user, scope, tokenId } = check.holder;
    return { ...user, mustEnrolTwoFactor: await mustEnrol(db, user.role, user.totpEnabled), scopes: scopesOf(scope), tokenId };
  }
  // next-auth is loaded for the requests that carry its cookie: a token's caller never needs it.
  const user = cookieHeaderHasSession(request.headers.get('cookie')) ? await (await import('./session')).getCurrentUser() : null;
  if (!user) throw new ApiProblem('unauthenticated', { headers: challenge() });
  return { ...user, scopes: ['read'], tokenId: null };
}

/** The caller, allowed to perform `action` by the one policy within its scopes; else a 401/403 problem. */
export async function requireApiCaller(request: Request, action: Action): Promise<ApiCaller> {
  const caller = await apiCaller(request);
  const scope: TokenScope = caller.scopes.includes('write') ? 'write' : 'read';
  if (!canWithToken(caller.role, scope, action)) {
    throw new ApiProblem(caller.tokenId === null && canWithToken(caller.role, 'write', action) ? 'token_required' : 'forbidden');
  }
  // Until they enrol, admins required to use two-factor sign-in use nothing but their account page.
  if (caller.mustEnrolTwoFactor) throw new ApiProblem('forbidden');
  return caller;
}

function challenge(error?: 'invalid_request' | 'invalid_token'): Record<string, string> {
  return { 'www-authenticate': error ? `Bearer realm="api", error="${error}"` : 'Bearer realm="api"' };
}
