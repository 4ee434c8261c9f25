// The client's address as `npm start` (scripts/server.mjs) sees it, for rate limiting. Plain JavaScript so that
// the custom server can load it without a build step; lib/auth/client-ip.ts reads what it hands over.
import proxyAddr from 'proxy-addr';

export { CLIENT_ADDRESS_FLAG, CLIENT_ADDRESS_HEADER } from './client-address-header.mjs';

/**
 * Which hops to trust, from the environment: TRUSTED_PROXIES, a comma-separated list of proxy addresses or
 * subnets ("10.0.0.1, 192.168.0.0/16", or proxy-addr's names loopback, linklocal, uniquelocal), or
 * TRUST_PROXY_HOPS, the number of proxies in front of the server. Neither set: nothing is trusted and the
 * socket's peer is the client, whatever X-Forwarded-For says.
 */
export function trustFromEnv(env = process.env) {
  const list = (env.TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length > 0) return { describe: `trusted proxies ${list.join(', ')}`, trust: proxyAddr.compile(list) };
  const hops = Number(env.TRUST_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops < 0) throw new Error('TRUST_PROXY_HOPS must be a whole number of proxies (0 or more).');
  if (hops > 0) return { describe: `${hops} trusted proxy hop(s)`, trust: (_address, i) => i < hops };
  return { describe: 'no trusted proxy (the socket address is the client)', trust: () => false };
}

/** The client address of a Node request under the given trust (proxy-addr walks X-Forwarded-For from the right). */
export function clientAddress(req, trust) {
  try {
    return proxyAddr(req, trust).slice(0, 64) || 'unknown';
  } catch {
    // A closed socket has no address: such requests share one bucket rather than skipping the limit.
    return 'unknown';
  }
}
