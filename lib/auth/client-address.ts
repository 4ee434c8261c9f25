// The client's address as the server sees it, for rate limiting and audit: worked out where Node's HTTP server
// starts each request (data/observability/request-log.ts); lib/auth/client-ip.ts reads it.
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export type Trust = (address: string, hop: number) => boolean;

/**
 * Which hops to trust, from the environment: TRUSTED_PROXIES, a comma-separated list of proxy addresses or
 * subnets ("10.0.0.1, 192.168.0.0/16", or proxy-addr's names loopback, linklocal, uniquelocal), or
 * TRUST_PROXY_HOPS, the number of proxies in front of the server. Neither set: nothing is trusted and the
 * socket's peer is the client, whatever X-Forwarded-For says.
 */
export function trustFromEnv(env: Record<string, string | undefined> = process.env): { describe: string; trust: Trust } {
  const list = (env.TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length > 0) return { describe: `trusted proxies ${list.join(', ')}`, trust: proxyAddr.compile(list) as Trust };
  const hops = Number(env.TRUST_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops < 0) throw new Error('TRUST_PROXY_HOPS must be a whole number of proxies (0 or more).');
  if (hops > 0) return { describe: `${hops} trusted proxy hop(s)`, trust: (_address: string, i: number) => i < hops };
  return { describe: 'no trusted proxy (the socket address is the client)', trust: () => false };
}

/** The client address of a Node request under the given trust (proxy-addr walks X-Forwarded-For from the right). */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trust: Trust): string {
  try {
    return proxyAddr(req as IncomingMessage, trust).slice(0, 64) || 'unknown';
  } catch {
    // A closed socket has no address: such requests share one bucket rather than skipping the limit.
    return 'unknown';
  }
}
