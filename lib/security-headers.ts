/**
 * Response headers for every page and route. The Content-Security-Policy carries a per-request nonce that
 * Next puts on its own scripts, so no inline script runs without it.
 */
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    `default-src 'self'`,
    // 'strict-dynamic' lets nonce-bearing scripts load the chunks they need; dev mode's refresh uses eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Charts and bars set inline style attributes; styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${isDev ? ' ws:' : ''}`,
    `frame-ancestors 'none'`,
    `form-action 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
  ].join('; ');
}

export function staticSecurityHeaders(isProduction: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(isProduction ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated mutations must come from this site: a cross-site, `null` or missing Origin is refused.
 */
export function isCrossSiteMutation(method: string, origin: string | null, host: string | null): boolean {
  if (safeMethods.has(method.toUpperCase())) return false;
  if (!origin || origin === 'null' || !host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Readiness (/api/health: the database answers a query) and liveness (/api/health/live: the process is up). */
export function isHealthPath(pathname: string): boolean {
  return pathname === '/api/health' || pathname === '/api/health/live';
}

/** Paths an anonymous visitor may reach. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/sign-in' ||
    pathname.startsWith('/set-password/') ||
    // Read-only share links: the page itself checks its link on every request (data/share-links.ts).
    pathname.startsWith('/share/') ||
    isHealthPath(pathname) ||
    pathname.startsWith('/api/auth/')
  );
}

/**
 * The policy of an evidence download (a file someone uploaded): sandboxed, loading nothing, so that even a file
 * a browser chose to render could run no script in the app's origin. The route handler sends it; the proxy, whose
 * headers come first, adds `sandbox` to the app's own policy for these paths (a second policy would not replace its headers).
 */
export const EVIDENCE_CSP = "sandbox; default-src 'none'";
export const isEvidencePath = (pathname: string) => pathname.startsWith('/api/evidence/');
