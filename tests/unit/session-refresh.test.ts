import { describe, expect, it, vi } from 'vitest';
import { encode as issue } from 'next-auth/jwt';
import { authConfig, IDLE_TIMEOUT_SECONDS, SESSION_REFRESH_SECONDS } from '@/auth.config';
import { cookieHeaderHasSession, hasSessionCookie } from '@/lib/auth/session-cookie';

// next-auth encrypts the session cookie anew whenever it reads a session (JWT strategy): the app's jwt.encode
// hands back the cookie as it came until a refresh is due, and the proxy reads it only then.

type Codec = (params: Record<string, unknown>) => Promise<unknown>;
const decode = authConfig.jwt.decode as unknown as Codec;
const encode = authConfig.jwt.encode as unknown as Codec;
type JwtCallback = (params: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Record<string, unknown> | null;
const jwtCallback = authConfig.callbacks.jwt as unknown as JwtCallback;

const secret = 'a test secret that is long enough for hkdf and hmac';
const salt = 'authjs.session-token';
const claims = { uid: 'u1', role: 'staff', sv: 1, sid: 's1', authTime: Math.floor(Date.now() / 1000) };

/** A cookie as next-auth issued it `age` seconds ago. */
async function cookieIssued(age: number): Promise<string> {
  vi.useFakeTimers({ now: Date.now() - age * 1000, toFake: ['Date'] });
  try {
    return await issue({ token: claims, secret, salt, maxAge: IDLE_TIMEOUT_SECONDS });
  } finally {
    vi.useRealTimers();
  }
}

/** What next-auth does with a cookie when it reads the session: decode, the jwt callback, encode. */
async function readSession(cookie: string): Promise<{ cookie: string; iat: number }> {
  const payload = (await decode({ token: cookie, secret, salt })) as Record<string, unknown>;
  const token = jwtCallback({ token: payload })!;
  const next = (await encode({ token, secret, salt, maxAge: IDLE_TIMEOUT_SECONDS })) as string;
  const again = (await decode({ token: next, secret, salt })) as Record<string, unknown>;
  return { cookie: next, iat: again.iat as number };
}

describe('the session cookie is refreshed when due, not on every read', () => {
  it('hands a young cookie back unchanged (no new encryption)', async () => {
    const cookie = await cookieIssued(10);
    const read = await readSession(cookie);
    expect(read.cookie).toBe(cookie);
  });

  it('issues a new cookie, with a new issue time and expiry, once the refresh age is reached', async () => {
    const cookie = await cookieIssued(SESSION_REFRESH_SECONDS + 5);
    const read = await readSession(cookie);
    expect(read.cookie).not.toBe(cookie);
    expect(Math.abs(read.iat - Date.now() / 1000)).toBeLessThan(5);
  });

  it('encrypts claims that did not come from a cookie (a sign-in) and refuses a forged cookie', async () => {
    const token = jwtCallback({ token: {}, user: { id: 'u1', role: 'staff', sessionVersion: 1 } })!;
    const issued = (await encode({ token, secret, salt, maxAge: IDLE_TIMEOUT_SECONDS })) as string;
    expect((await decode({ token: issued, secret, salt })) as Record<string, unknown>).toMatchObject({ uid: 'u1', role: 'staff', sv: 1 });
    await expect(decode({ token: `${issued.slice(0, -4)}AAAA`, secret, salt })).rejects.toThrow();
  });

  it('an expired cookie does not decode, whatever the refresh mark says', async () => {
    const old = await cookieIssued(IDLE_TIMEOUT_SECONDS + 60);
    await expect(decode({ token: old, secret, salt })).rejects.toThrow();
  });

  it('the proxy tells a session cookie (whole or chunked, plain or __Secure-) from any other', () => {
    const jar = (...names: string[]) => ({ getAll: () => names.map((name) => ({ name })) });
    expect(hasSessionCookie(jar('authjs.session-token'))).toBe(true);
    expect(hasSessionCookie(jar('__Secure-authjs.session-token.0'))).toBe(true);
    expect(hasSessionCookie(jar('authjs.csrf-token', 'srm-session-refreshed'))).toBe(false);
    expect(cookieHeaderHasSession('a=1; authjs.session-token=x')).toBe(true);
    expect(cookieHeaderHasSession('authjs.session-tokenx=1')).toBe(false);
    expect(cookieHeaderHasSession(null)).toBe(false);
  });
});
