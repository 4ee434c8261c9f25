import { describe, expect, it } from 'vitest';
import { clientAddress, trustFromEnv } from '@/lib/auth/client-address';
import { clientIp } from '@/lib/auth/client-ip';
import { requestContext } from '@/lib/observability/request-context';

// The per-address sign-in limit must key on an address the client cannot choose.

const request = (socket: string, forwardedFor?: string) => ({
  socket: { remoteAddress: socket },
  headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
}) as unknown as Parameters<typeof clientAddress>[0];

describe('the client address for rate limits', () => {
  it('is the address the server worked out for the request, and "unknown" outside one', () => {
    expect(clientIp()).toBe('unknown');
    expect(requestContext.run({ requestId: 'r', clientAddress: '192.0.2.1', userId: null }, () => clientIp())).toBe('192.0.2.1');
  });

  it('uses the socket address unless a proxy is trusted', () => {
    expect(clientAddress(request('10.0.0.1', '6.6.6.6'), trustFromEnv({}).trust)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.1'), trustFromEnv({}).trust)).toBe('10.0.0.1');
  });

  it('with TRUST_PROXY_HOPS, takes the address the trusted proxy saw, not what the client wrote before it', () => {
    const { trust } = trustFromEnv({ TRUST_PROXY_HOPS: '1' });
    expect(clientAddress(request('10.0.0.1', '203.0.113.7'), trust)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 203.0.113.7'), trust)).toBe('203.0.113.7');
  });

  it('with TRUSTED_PROXIES, walks back only through the listed proxies', () => {
    const { trust } = trustFromEnv({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.1' });
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.5'), trust)).toBe('203.0.113.7');
    // A peer that is not a listed proxy is the client, whatever it forwards.
    expect(clientAddress(request('198.51.100.1', '6.6.6.6'), trust)).toBe('198.51.100.1');
  });

  it('refuses a hop count that is not a whole number', () => {
    expect(() => trustFromEnv({ TRUST_PROXY_HOPS: 'two' })).toThrow(/TRUST_PROXY_HOPS/);
  });
});
