/** next-auth's session cookie, whole or in chunks, plain or __Secure-: whether a request carries one at all. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function hasSessionCookie(cookies: { getAll(): { name: string }[] }): boolean {
  return cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name));
}

/** The same question of a raw Cookie header (route handlers that read the request itself). */
export function cookieHeaderHasSession(header: string | null): boolean {
  if (!header) return false;
  return header.split(';').some((pair) => SESSION_COOKIE.test(pair.split('=')[0]!.trim()));
}
