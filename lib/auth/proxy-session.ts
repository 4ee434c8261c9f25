import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Role } from './policy';

/**
 * The session claims the proxy has just decrypted, handed to the page, action or route of the same request in
 * a request header, so that the session cookie (an encrypted JWT) is decrypted once per request, not twice.
 *
 * The proxy always removes a header of this name that came from the client before it sets its own, and the
 * value carries an HMAC-SHA-256 under a key derived from AUTH_SECRET plus the time it was made: a forged,
 * altered or stale value is ignored (the reader then falls back to next-auth's auth()). These are only the
 * claims of the cookie; data/auth/session.ts still checks them against the users table on every request.
 */
export const PROXY_SESSION_HEADER = 'x-srm-session';

/** Made and read within one request: anything older is not ours. */
const MAX_AGE_MS = 30_000;
const SALT = 'silk-road-cities-me/proxy-session/v1';

export interface ProxySessionClaims {
  id: string;
  role: Role;
  sessionVersion: number;
  sid?: string;
}

let cachedKey: { secret: string; key: Buffer } | undefined;
function key(): Buffer | null {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: Buffer.from(hkdfSync('sha256', secret, SALT, 'proxy-session', 32)) };
  return cachedKey.key;
}

const mac = (k: Buffer, payload: string) => createHmac('sha256', k).update(payload).digest();

export function signProxySession(claims: ProxySessionClaims, now = Date.now()): string | null {
  const k = key();
  if (!k) return null;
  const payload = Buffer.from(
    JSON.stringify({ id: claims.id, role: claims.role, sv: claims.sessionVersion, sid: claims.sid ?? null, at: now }),
  ).toString('base64url');
  return `v1.${payload}.${mac(k, payload).toString('base64url')}`;
}

export function readProxySession(value: string | null | undefined, now = Date.now()): ProxySessionClaims | null {
  if (!value) return null;
  const k = key();
  if (!k) return null;
  const [version, payload, signature, ...rest] = value.split('.');
  if (version !== 'v1' || !payload || !signature || rest.length) return null;
  const expected = mac(k, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof data.at !== 'number' || now - data.at > MAX_AGE_MS || data.at - now > 1000) return null;
    if (typeof data.id !== 'string' || typeof data.role !== 'string' || typeof data.sv !== 'number') return null;
    return { id: data.id, role: data.role as Role, sessionVersion: data.sv, sid: typeof data.sid === 'string' ? data.sid : undefined };
  } catch {
    return null;
  }
}
