/**
 * The client's address for rate limiting. Behind a proxy the first X-Forwarded-For entry is the client (set
 * TRUST_PROXY_HOPS if more proxies append to it); without one, Next passes the socket address in the same
 * header. An absent header is counted as one shared "unknown" client rather than skipped.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const hops = forwarded.split(',').map((part) => part.trim()).filter(Boolean);
    const trusted = Number(process.env.TRUST_PROXY_HOPS ?? 0);
    const candidate = hops[Math.max(0, hops.length - 1 - trusted)] ?? hops[0];
    if (candidate) return candidate.slice(0, 64);
  }
  return headers.get('x-real-ip')?.slice(0, 64) ?? 'unknown';
}
