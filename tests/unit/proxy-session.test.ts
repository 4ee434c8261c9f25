import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProxySession, signProxySession } from '@/lib/auth/proxy-session';

const claims = { id: 'u1', role: 'committee' as const, sessionVersion: 3, sid: 's1' };
let saved: string | undefined;
beforeAll(() => {
  saved = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = 'unit-test-secret-0123456789abcdef0123456789';
});
afterAll(() => {
  if (saved === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved;
});

describe('the session handed from the proxy to the page', () => {
  it('reads back what the proxy signed', () => {
    expect(readProxySession(signProxySession(claims))).toEqual(claims);
  });

  it('refuses a forged, altered, stale or missing value', () => {
    const signed = signProxySession(claims, 1_000_000)!;
    const [v, payload, mac] = signed.split('.');
    const admin = Buffer.from(JSON.stringify({ id: 'u1', role: 'admin', sv: 3, sid: 's1', at: 1_000_000 })).toString('base64url');
    expect(readProxySession(`${v}.${admin}.${mac}`, 1_000_000)).toBeNull();
    expect(readProxySession(`${v}.${payload}.${mac}x`, 1_000_000)).toBeNull();
    expect(readProxySession(`${v}.${payload}`, 1_000_000)).toBeNull();
    expect(readProxySession(signed, 1_000_000 + 31_000)).toBeNull();
    expect(readProxySession(signed, 1_000_000 + 1_000)).toEqual(claims);
    expect(readProxySession(undefined)).toBeNull();
    expect(readProxySession('')).toBeNull();
  });

  it('does not accept a value signed under another secret', () => {
    const signed = signProxySession(claims)!;
    process.env.AUTH_SECRET = 'another-secret-0123456789abcdef0123456789abc';
    expect(readProxySession(signed)).toBeNull();
    process.env.AUTH_SECRET = 'unit-test-secret-0123456789abcdef0123456789';
  });
});
