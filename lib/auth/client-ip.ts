import { headers } from 'next/headers';
import { CLIENT_ADDRESS_FLAG, CLIENT_ADDRESS_HEADER } from './client-address-header.mjs';

/**
 * The client's address for rate limiting. Only `npm start` (scripts/server.mjs) knows the socket's peer: it
 * works the address out (lib/auth/client-address.mjs, honouring TRUSTED_PROXIES or TRUST_PROXY_HOPS) and hands
 * it over in a header it always overwrites. A client's own X-Forwarded-For is never read here. Under a server
 * that does not set it (`next dev`), every request shares one "unknown" address rather than trusting a header.
 */
export function clientIp(headers: Headers): string {
  if (process.env[CLIENT_ADDRESS_FLAG] !== '1') return 'unknown';
  return headers.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || 'unknown';
}

/** The client's address for the request a server action or page is handling. */
export async function requestClientIp(): Promise<string> {
  return clientIp(await headers());
}
