import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './auth.config';
import {
  contentSecurityPolicy,
  isCrossSiteMutation,
  isPublicPath,
  staticSecurityHeaders,
} from './lib/security-headers';

const { auth } = NextAuth(authConfig);
const isDev = process.env.NODE_ENV === 'development';

/**
 * Redirects anonymous visitors to sign-in and sets the security headers. It is not the authorization check:
 * every page, action and route checks the user's role itself (lib/auth/session.ts).
 */
export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, isDev);

  const finish = (response: NextResponse) => {
    response.headers.set('Content-Security-Policy', csp);
    for (const [name, value] of Object.entries(staticSecurityHeaders(!isDev))) response.headers.set(name, value);
    return response;
  };

  if (isCrossSiteMutation(request.method, request.headers.get('origin'), request.headers.get('host'))) {
    return finish(NextResponse.json({ error: 'cross_site_request_refused' }, { status: 403 }));
  }

  if (!request.auth && !isPublicPath(pathname)) {
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
});

export const config = {
  // Everything but Next's immutable static files; those get the static headers from next.config.mjs.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
