import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

// Security headers on every kind of response: pages, the 403 and 404 pages, API routes and redirects.
function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp.split(';').find((d) => d.trim().startsWith('script-src')), where).not.toContain('unsafe-inline');
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) expect(csp, where).toContain(directive);
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  // The browser suite runs the production build.
  expect(headers['strict-transport-security'], where).toContain('max-age=');
}

test('anonymous responses carry the security headers', async ({ request }) => {
  for (const path of ['/sign-in', '/api/health', '/', '/no-such-page', '/set-password/not-a-real-token-but-long-enough-0123']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expectSecurityHeaders(response.headers(), path);
  }
});

test('signed-in pages, the 403 page and the 404 page carry the security headers, and scripts carry the nonce', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, demo.committee);
  for (const [path, status] of [
    ['/', 200],
    ['/admin/users', 403],
    ['/no-such-page', 404],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    const headers = response!.headers();
    expectSecurityHeaders(headers, path);
    const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy']!)?.[1];
    // Inline scripts need the nonce; chunks loaded by nonce-bearing scripts are trusted through 'strict-dynamic'.
    const inline = await page.locator('script:not([src])').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
    expect(inline.length, path).toBeGreaterThan(0);
    for (const scriptNonce of inline) expect(scriptNonce, path).toBe(nonce);
  }
  expect(violations).toEqual([]);
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signIn(page, demo.staff);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe('Lax');
});
