import { LRUCache } from 'lru-cache';
import { decode, type JWT } from 'next-auth/jwt';

type DecodeParams = Parameters<typeof decode>[0];

/**
 * Session cookies already decrypted by this process, by salt and cookie: a browser sends the same cookie on every
 * request until its next refresh (auth.config.ts), and decrypting it is a chain of Web Crypto calls (key
 * derivation, decryption, MAC), each a hop to libuv's thread pool; the first of a request waits for a sleeping
 * worker thread. Only a cookie that decrypted and verified is kept, only until its own expiry, and a cookie
 * decodes from here exactly as it would anew: a different, altered or expired one is decrypted (and refused) by
 * next-auth. What a session may do is still checked on every request (data/auth/session.ts: the users table,
 * revoked sessions).
 */
const decoded = new LRUCache<string, JWT>({ max: 5_000 });

export async function decodeSessionToken(params: DecodeParams): Promise<JWT | null> {
  if (!params.token) return decode(params);
  const key = `${params.salt}\n${params.token}`;
  const now = Date.now() / 1000;
  const kept = decoded.get(key);
  // A copy: the caller's callbacks may change what they are handed.
  if (kept && typeof kept.exp === 'number' && kept.exp > now) return { ...kept };
  const payload = await decode(params);
  if (payload && typeof payload.exp === 'number' && payload.exp > now) {
    decoded.set(key, { ...payload }, { ttl: Math.ceil((payload.exp - now) * 1000) });
  }
  return payload;
}
