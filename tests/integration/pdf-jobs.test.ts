import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { descendants } from '../../bench/lib/process-tree';

/**
 * The PDF service on a real browser (the one `npm ci` brings, as on a machine with none installed), printing
 * pages of a small local server: one browser for many prints, relaunched after it dies, a deadline that ends a
 * page that never finishes, a bounded queue, coalesced identical requests and a per-user allowance.
 */
vi.stubEnv('PDF_BROWSER', 'bundled');
vi.stubEnv('PDF_CONCURRENCY', '1');
vi.stubEnv('PDF_QUEUE_LIMIT', '1');
// Long enough for a browser relaunch on a loaded two-core machine, short enough to wait out in a test.
vi.stubEnv('PDF_TIMEOUT_SECONDS', '8');
vi.stubEnv('PDF_RATE_LIMIT_PER_MINUTE', '8');

const { renderPdf, pdfQueueState, PdfRefusedError } = await import('@/server/pdf/pdf-jobs');
const { sharedBrowser, closeSharedBrowser } = await import('@/server/pdf/browser');

let server: Server;
let base: string;
const hanging = new Set<() => void>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') {
      // Headers sent, body never finished: the page keeps loading until someone gives up.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body>loading');
      hanging.add(() => res.end());
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<html><body><h1>Page ${req.url}</h1></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Launched up front, so that the first print's deadline measures the print, not a cold browser start.
  await sharedBrowser();
}, 60_000);

afterAll(async () => {
  for (const end of hanging) end();
  await closeSharedBrowser();
  await new Promise((resolve) => server.close(resolve));
});

const print = (user: string, path: string) => renderPdf(user, path, { url: `${base}${path}`, cookies: [] });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'printed',
    (error: unknown) => (error instanceof PdfRefusedError ? error.reason : `unexpected ${String(error)}`),
  );

/** The browser's main process under this one (no --type= flag, unlike its renderers and helpers). */
function browserPids(): number[] {
  return descendants(process.pid).filter((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmd.includes('chromium') && !cmd.includes('--type=');
    } catch {
      return false;
    }
  });
}

describe('the PDF service', () => {
  it('prints pages one after another in one browser, and launches a new one after it dies', async () => {
    const first = await print('u1', '/a');
    expect(first.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const browser = await sharedBrowser();
    await print('u1', '/b');
    expect(await sharedBrowser()).toBe(browser);
    expect(browserPids()).toHaveLength(1);

    for (const pid of browserPids()) process.kill(pid, 'SIGKILL');
    await vi.waitFor(() => expect(browser.isConnected()).toBe(false));
    const again = await print('u1', '/c');
    expect(again.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(await sharedBrowser()).not.toBe(browser);
  }, 60_000);

  it('gives one print to identical requests made while it runs', async () => {
    const [a, b] = await Promise.all([print('u2', '/same'), print('u2', '/same')]);
    expect(b).toBe(a);
    // Another user's identical request is printed for them (their cookies, their permissions).
    const [c, d] = await Promise.all([print('u2', '/other'), print('u3', '/other')]);
    expect(d).not.toBe(c);
  }, 60_000);

  it('ends a page that never finishes at the deadline, refuses beyond the queue, and keeps printing', async () => {
    const started = Date.now();
    const slow = refusal(print('u4', '/hang'));
    // One printing (the cap is one), one waiting (the queue holds one), the third is turned away at once.
    const waiting = refusal(print('u5', '/after-hang'));
    await vi.waitFor(() => expect(pdfQueueState()).toMatchObject({ running: 1, waiting: 1 }));
    expect(await refusal(print('u6', '/turned-away'))).toBe('busy');
    expect(await slow).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(['printed', 'timeout']).toContain(await waiting);
    expect(await refusal(print('u4', '/fine'))).toBe('printed');
  }, 60_000);

  it("refuses a user's requests beyond the allowance, with a time to wait", async () => {
    const outcomes = [];
    for (let i = 0; i < 9; i++) outcomes.push(await refusal(print('u7', `/n${i}`)));
    expect(outcomes).toEqual([...Array(8).fill('printed'), 'rate_limited']);
    const error = await print('u7', '/n9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRefusedError);
    expect((error as InstanceType<typeof PdfRefusedError>).retryAfterSeconds).toBeGreaterThan(0);
  }, 60_000);
});
