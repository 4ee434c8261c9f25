import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig, SESSION_REFRESH_SECONDS } from './auth.config';
import { RETRY_AFTER_SECONDS } from './db/availability';
import { hasSessionCookie } from './lib/auth/session-cookie';
import { localeCookie } from './lib/i18n/config';
import { log, logPath } from './lib/log';
import { databaseStatus } from './data/observability/db-probe';
import { serviceUnavailablePage } from './lib/observability/unavailable-page';
import { ApiProblem, apiProblemResponse } from './lib/api/problems';
import { MAX_ACTION_BODY_BYTES } from './lib/evidence/rules';
import {
  contentSecurityPolicy,
  isCrossSiteMutation,
  isEvidencePath,
  isHealthPath,
  isPublicPath,
  staticSecurityHeaders,
} from './lib/security-headers';

const { auth } = NextAuth(authConfig);
const isDev = process.env.NODE_ENV === 'development';

/**
 * Set beside a session cookie that next-auth has just refreshed, and gone when a refresh is due: while the
 * browser sends it, the proxy leaves the session cookie alone and the page, action or route decrypts it once
 * (data/auth/session.ts). It carries nothing: a client that forges or drops it only moves its next refresh,
 * while the cookie's own expiry, checked on every decryption, still ends an idle session.
 */
const REFRESHED_COOKIE = 'srm-session-refreshed';

/**
 * Redirects anonymous visitors to sign-in, refuses cross-site mutations, answers 503 while the database is
 * down, and sets the security headers. It is not the authorization check: every page, action and route checks
 * the user's role itself (data/auth/session.ts). The proxy only looks for the session cookie (an optimistic
 * check: a dead cookie reaches a page, which sends its holder to sign-in); it asks next-auth to read and
 * refresh the cookie only when a refresh is due. A signed-out session's cookie may still be re-issued then to a
 * response in flight: "Sign out" revokes the session id, so that copy is dead.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const cookie = hasSessionCookie(request.cookies);
  if (cookie && !request.cookies.has(REFRESHED_COOKIE)) return refreshing(request, event);
  return handle(request, cookie);
}

const refreshing = auth(async (request) => {
  const response = await handle(request, Boolean(request.auth));
  if (request.auth) {
    // Gone when the token handed back is due: a token that was due has just been issued anew; a younger one was
    // handed back unchanged and is due when it reaches the refresh age.
    const age = Math.floor(Date.now() / 1000) - (request.auth.issuedAt ?? 0);
    const dueIn = age >= SESSION_REFRESH_SECONDS ? SESSION_REFRESH_SECONDS : Math.max(1, SESSION_REFRESH_SECONDS - age);
    response.cookies.set(REFRESHED_COOKIE, '1', {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.nextUrl.protocol === 'https:',
      path: '/',
      maxAge: dueIn,
    });
  }
  return response;
}) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

async function handle(request: NextRequest, signedIn: boolean): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, isDev);

  const finish = (response: NextResponse) => {
    response.headers.set('Content-Security-Policy', isEvidencePath(pathname) ? `${csp}; sandbox` : csp);
    for (const [name, value] of Object.entries(staticSecurityHeaders(!isDev))) response.headers.set(name, value);
    return response;
  };

  // The API answers in problem+json and never redirects. A request that carries a bearer token is authenticated
  // by the route itself (data/auth/api-caller.ts); a token is never sent by a browser on its own, so such a
  // request is no cross-site forgery and needs no Origin.
  const isApi = pathname === '/api/v1' || pathname.startsWith('/api/v1/');
  const bearer = isApi && /^Bearer\s/i.test(request.headers.get('authorization') ?? '');
  const apiProblem = (problem: ApiProblem) => {
    const response = apiProblemResponse(problem, request.headers.get('accept-language'));
    return finish(new NextResponse(response.body, { status: response.status, headers: response.headers }));
  };

  if (!bearer && isCrossSiteMutation(request.method, request.headers.get('origin'), request.headers.get('host'))) {
    log('warn', 'security.cross_site_refused', {
      method: request.method,
      route: logPath(pathname),
      origin: request.headers.get('origin') ?? '(none)',
    });
    return finish(NextResponse.json({ error: 'cross_site_request_refused' }, { status: 403 }));
  }

  // A server action's body past the limit next.config sets would fail in Next's parser as a 500: refused here by
  // its declared length, as what it is. The forms never send one (the evidence input refuses what would exceed it).
  if (request.method === 'POST' && request.headers.has('next-action') && Number(request.headers.get('content-length') ?? 0) > MAX_ACTION_BODY_BYTES) {
    log('warn', 'http.body_too_large', { route: logPath(pathname), bytes: Number(request.headers.get('content-length')) });
    return finish(NextResponse.json({ error: 'body_too_large', limitBytes: MAX_ACTION_BODY_BYTES }, { status: 413 }));
  }

  // The health routes report on their own; everything else gets a clear 503 while the database is away (its
  // loss and return are logged once each, in db/availability.ts, not once per request).
  if (!isHealthPath(pathname)) {
    const database = await databaseStatus();
    if (!database.ok) {
      const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
      if (isApi) return apiProblem(new ApiProblem('unavailable', { values: { seconds: RETRY_AFTER_SECONDS }, headers }));
      if (pathname.startsWith('/api/') || request.headers.has('next-action')) {
        return finish(NextResponse.json({ error: 'service_unavailable' }, { status: 503, headers }));
      }
      const html = serviceUnavailablePage(request.cookies.get(localeCookie)?.value, request.headers.get('accept-language'));
      return finish(new NextResponse(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } }));
    }
  }

  if (!signedIn && !isPublicPath(pathname) && !bearer) {
    log('info', 'auth.unauthenticated', { method: request.method, route: logPath(pathname) });
    if (isApi) return apiProblem(new ApiProblem('unauthenticated', { headers: { 'www-authenticate': 'Bearer realm="api"' } }));
    if (pathname.startsWith('/api/')) {
      return finish(NextResponse.json({ error: 'unauthenticated' }, { status: 401 }));
    }
    const signInUrl = new URL('/sign-in', request.nextUrl);
    signInUrl.searchParams.set('callbackUrl', `${pathname}${search}`);
    return finish(NextResponse.redirect(signInUrl));
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // Server components read the current path from here to send a signed-out visitor back after signing in.
  requestHeaders.set('x-request-path', `${pathname}${search}`);
  return finish(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Everything but Next's immutable static files; those get the static headers from next.config.mjs.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
