import { afterEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { decodeSessionToken } from '@/lib/auth/decoded-sessions';

// A session cookie is decrypted once per process and then served from memory until it expires: the cache must
// answer exactly as next-auth's decode would.

const secret = 'a test secret that is long enough for hkdf and hmac';
const salt = 'authjs.session-token';

afterEach(() => vi.useRealTimers());

describe('decoded session cookies', () => {
  it('decodes a cookie, then hands out copies that callers cannot change for each other', async () => {
    const token = await encode({ token: { uid: 'u1', role: 'staff' }, secret, salt, maxAge: 60 });
    const first = (await decodeSessionToken({ token, secret, salt }))!;
    expect(first).toMatchObject({ uid: 'u1', role: 'staff' });
    first.role = 'admin';
    const second = (await decodeSessionToken({ token, secret, salt }))!;
    expect(second).toMatchObject({ uid: 'u1', role: 'staff' });
    expect(second).not.toBe(first);
  });

  it('refuses an altered cookie and a cookie presented under another name, even after decoding the original', async () => {
    const token = await encode({ token: { uid: 'u2' }, secret, salt, maxAge: 60 });
    await decodeSessionToken({ token, secret, salt });
    await expect(decodeSessionToken({ token: `${token.slice(0, -4)}AAAA`, secret, salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: 'authjs.other-token' })).rejects.toThrow();
  });

  it('stops serving a cookie once it has expired, however recently it was decoded', async () => {
    const token = await encode({ token: { uid: 'u3' }, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject({ uid: 'u3' });
    // Past its expiry and next-auth's 15 s of clock tolerance.
    vi.useFakeTimers({ now: Date.now() + 90_000, toFake: ['Date'] });
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow();
  });
});
