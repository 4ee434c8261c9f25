import { currentRequest } from '@/lib/observability/request-context';

/**
 * The client's address for rate limiting and audit: what the server worked out from the request's socket,
 * honouring TRUSTED_PROXIES or TRUST_PROXY_HOPS (lib/auth/client-address.mjs, data/observability/request-log.ts).
 * A client's own X-Forwarded-For is never read here. Outside a request the server started (a script, a test
 * without one), every caller shares one "unknown" address rather than trusting a header.
 */
export function clientIp(): string {
  return currentRequest()?.clientAddress || 'unknown';
}

/** The client's address for the request a server action or page is handling. */
export async function requestClientIp(): Promise<string> {
  return clientIp();
}
