import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRequestLog } from '@/data/observability/request-log';
import { clientIp } from '@/lib/auth/client-ip';
import { noteRequestUser } from '@/lib/observability/request-context';

// Each request's log line and context come from Node's http.server.request.start channel: no custom server, no
// header handed over, nothing patched on the response.

let server: Server;
let port = 0;
const seen: { address: string }[] = [];
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    if (text.includes('"http.request"')) lines.push(JSON.parse(text));
    return write(chunk, ...rest);
  }) as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    const text = String(chunk);
    if (text.includes('"http.request"')) lines.push(JSON.parse(text));
    return true;
  }) as typeof process.stderr.write);
  startRequestLog();
  server = createServer(async (req, res) => {
    await new Promise((r) => setTimeout(r, 5));
    seen.push({ address: clientIp() });
    if (req.url === '/signed-in') noteRequestUser('user-1');
    await Promise.resolve();
    res.statusCode = req.url === '/denied' ? 403 : 200;
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise((r) => server.close(r));
});

const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });

describe('the request log and context', () => {
  it('give each request its socket address, whatever X-Forwarded-For claims, and its user', async () => {
    await Promise.all([get('/signed-in', { 'x-forwarded-for': '6.6.6.6' }), get('/anonymous'), get('/denied')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((s) => s.address)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
    expect(clientIp()).toBe('unknown');
    const byRoute = Object.fromEntries(lines.map((l) => [l.route, l]));
    expect(byRoute['/signed-in']).toMatchObject({ level: 'info', method: 'GET', status: 200, userId: 'user-1', aborted: false });
    expect(byRoute['/anonymous']).toMatchObject({ status: 200, userId: null });
    expect(byRoute['/denied']).toMatchObject({ level: 'warn', status: 403, security: 'authorization_refused' });
    for (const l of lines) expect(typeof l.durationMs).toBe('number');
    expect(new Set(lines.map((l) => l.requestId)).size).toBe(lines.length);
  });
});
