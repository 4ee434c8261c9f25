import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOALS_2020 } from '@/db/seed/plan-2020';
import { localeCookie } from '@/lib/i18n/config';
import { pdfLimits } from '@/server/pdf/pdf-jobs';
import { descendants, treePssMb } from '../../bench/lib/process-tree';
import { pdfFontNames, pdfText } from '../support/pdf-text';
import { record } from './support/figures';
import { Client } from './support/http';
import { port } from './support/server';
import { startWorld, type World } from './support/world';

/**
 * PDFs wherever the app runs: the report prints with only the Chromium that comes with `npm ci` and no font of
 * the machine's, in Chinese with real text; many requests at once stay within a memory bound with no 500;
 * identical requests share one print; one user's flood gets 429; no browser gives a clear 503.
 */
const noSystemFonts = path.resolve(__dirname, '../support/no-system-fonts/fonts.conf');
const flat = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
/** The server's own reason for each refused PDF, for a failing assertion's message. */
const refusals = (world: World) => world.server.lines.filter((l) => l.includes('pdf.refused')).slice(-5).join('\n');
/** Chromium renderer processes (one per page being printed) under the server. */
const renderers = (pid: number) =>
  descendants(pid).filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  }).length;
const statuses = (world: World, status: number) => world.server.json().filter((l) => l.status === status).length;

function zhClient(world: World, role: 'admin' | 'staff' | 'committee'): Client {
  const client = new Client(world.server.baseUrl);
  client.cookies = new Map(world.clients[role].cookies);
  client.cookies.set(localeCookie, 'zh');
  return client;
}

describe('PDFs with only the bundled browser and no system font', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld(port(3), { PDF_BROWSER: 'bundled', FONTCONFIG_FILE: noSystemFonts });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('prints the demo committee report in Chinese with the goal titles in its text layer', async () => {
    expect(world.server.lines.join('\n')).toContain('[pdf] PDFs print with the Chromium bundled with @sparticuz/chromium');
    const r = await zhClient(world, 'committee').download('/api/reports/committee');
    expect(r.status, refusals(world)).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const bytes = r.bytes;
    const text = flat(await pdfText(bytes));
    expect(text).toContain('指导委员会报告');
    for (const goal of GOALS_2020) expect(text, goal.code).toContain(flat(goal.titleZh));
    // Drawn with the app's own fonts: the machine's are out of sight.
    const fonts = await pdfFontNames(bytes);
    expect(fonts.some((name) => /NotoSansSC/i.test(name)), fonts.join(', ')).toBe(true);
  });

  it('a burst of PDFs stays within a memory bound with no 500; identical requests share one print; a flood gets 429', async () => {
    const before = statuses(world, 500);
    const pid = world.server.process.pid!;
    let peakMb = treePssMb(pid);
    let peakRenderers = 0;
    const sampler = setInterval(() => {
      peakMb = Math.max(peakMb, treePssMb(pid));
      peakRenderers = Math.max(peakRenderers, renderers(pid));
    }, 200);
    try {
      // Ten different reports at once from one user: all printed, two at a time.
      const admin = world.clients.admin;
      const burst = await Promise.all(
        Array.from({ length: 10 }, (_, i) => admin.download(`/api/reports/committee?asOf=2020-11-${String(i + 1).padStart(2, '0')}`)),
      );
      expect(burst.map((b) => b.status), refusals(world)).toEqual(Array(10).fill(200));
      // Twelve identical requests at once: more than the per-user limit of ten a minute, yet all answered, because
      // they share one print and spend one allowance.
      const staff = world.clients.staff;
      const same = await Promise.all(Array.from({ length: 12 }, () => staff.download('/api/reports/committee?asOf=2020-10-15')));
      expect(same.map((b) => b.status)).toEqual(Array(12).fill(200));
      const bodies = same.map((b) => Buffer.from(b.bytes));
      for (const body of bodies) expect(body.equals(bodies[0]!)).toBe(true);
      // Ten different ones: nine more fit in the staff member's minute, the tenth is refused with 429.
      const flood = await Promise.all(
        Array.from({ length: 10 }, (_, i) => staff.download(`/api/reports/committee?asOf=2020-10-${String(i + 1).padStart(2, '0')}`)),
      );
      const codes = flood.map((b) => b.status).sort();
      expect(codes).toEqual([...Array(9).fill(200), 429]);
      const refused = flood.find((b) => b.status === 429)!;
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const problem = JSON.parse(refused.body) as { status: number; title: string; detail: string };
      expect(problem.status).toBe(429);
      expect(problem.detail).toMatch(/Try again in \d+ seconds/);
    } finally {
      clearInterval(sampler);
    }
    record('PDF burst: peak server memory (MB, PSS)', peakMb);
    // One browser printing at most two pages at a time, not one per request: the memory stays that of the Node
    // server plus one browser whatever the number of requests. Beside the printing renderers Chromium may keep a
    // spare one warm, and a closed page's renderer can still be exiting when the sampler reads /proc.
    expect(peakRenderers).toBeLessThanOrEqual(pdfLimits({}).concurrency + 2);
    expect(peakMb).toBeLessThan(1200);
    expect(statuses(world, 500) - before).toBe(0);
  });
});

describe('PDFs when the browser cannot start', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld(port(4), { CHROMIUM_PATH: '/bin/false' });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('answer 503 with a problem body that says what to install or set, never a 500; the print button stays', async () => {
    for (const role of ['admin', 'staff', 'committee'] as const) {
      for (const p of ['/api/reports/committee', '/api/meetings/1/pack']) {
        const r = await world.clients[role].get(p);
        expect(r.status, `${p} as ${role}`).toBe(503);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        const problem = JSON.parse(r.body) as { type: string; title: string; status: number; detail: string };
        expect(problem).toMatchObject({ type: 'urn:srm:problem:pdf-unavailable', status: 503 });
        expect(problem.detail).toContain('CHROMIUM_PATH');
        expect(problem.detail).toContain('chromium');
        // The caller learns what to do, not the server's paths.
        expect(problem.detail).not.toContain('/bin/false');
      }
    }
    const zh = await zhClient(world, 'committee').get('/api/reports/committee');
    expect(zh.status).toBe(503);
    expect((JSON.parse(zh.body) as { title: string }).title).toBe('此服务器无法生成 PDF');
    expect(world.server.lines.some((l) => l.includes('pdf.refused') && l.includes('/bin/false'))).toBe(true);
    for (const p of ['/reports/committee', '/meetings/1/pack']) {
      const page = await world.clients.committee.get(p);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Print / Save as PDF');
    }
    expect(statuses(world, 500)).toBe(0);
  });
});
