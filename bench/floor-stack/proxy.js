import { NextResponse } from 'next/server';

// What any page of a signed-in app with a nonce-based policy pays before it renders: the optimistic check for a
// session cookie, a nonce, the policy (handed to Next on the request, which puts the nonce on its scripts) and
// the security headers.
export function proxy(request) {
  if (!request.cookies.has('authjs.session-token')) return new NextResponse(null, { status: 401 });
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'`;
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
