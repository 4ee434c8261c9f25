// `npm run bench:lighthouse -- [--database URL] [--app DIR] [--dist .next-bench] [--port 3205] [--runs 5]`
// Lighthouse 12 (pinned) with Debian's Chromium on the overview, a goal page, an indicator page and the committee report,
// desktop and mobile, the median of `runs` runs each, signed in as a committee member; and the gzipped bytes of
// JavaScript each page loads, counted from the script responses a headless Chromium receives.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import postgres from 'postgres';
import { BENCH } from './data/model';
import { signIn, start } from './lib/server';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? BENCH.defaultUrl },
    app: { type: 'string', default: process.cwd() },
    dist: { type: 'string', default: '.next-bench' },
    port: { type: 'string', default: '3205' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(process.cwd(), 'bench', 'results') },
  },
});
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (m: string) => process.stderr.write(`${m}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Scores {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** One Lighthouse run, or null when Lighthouse could not score the page (a failed trace is not a score of 0). */
async function audit(url: string, cookie: string, formFactor: 'desktop' | 'mobile'): Promise<Scores | null> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: { cookie } },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result!.lhr;
    const audits = lhr.audits;
    if (lhr.runtimeError || lhr.categories.performance?.score == null) {
      log(`  ${formFactor} ${url}: no score (${lhr.runtimeError?.code ?? 'performance not scored'})`);
      return null;
    }
    return {
      performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility!.score ?? 0) * 100),
      fcpMs: Math.round(audits['first-contentful-paint']!.numericValue ?? 0),
      lcpMs: Math.round(audits['largest-contentful-paint']!.numericValue ?? 0),
      tbtMs: Math.round(audits['total-blocking-time']!.numericValue ?? 0),
      cls: Math.round((audits['cumulative-layout-shift']!.numericValue ?? 0) * 1000) / 1000,
    };
  } finally {
    await chrome.kill();
  }
}

/** The gzipped size of every script the page loads (decoded bodies, gzipped at the default level). */
async function scriptBytes(origin: string, cookie: string, pagePath: string) {
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext();
    await context.addCookies(cookie.split('; ').map((pair) => {
      const i = pair.indexOf('=');
      return { name: pair.slice(0, i), value: pair.slice(i + 1), url: origin };
    }));
    const page = await context.newPage();
    const scripts: Promise<{ url: string; raw: number; gzip: number }>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      scripts.push(res.body().then((b) => ({ url: res.url(), raw: b.length, gzip: gzipSync(b).length })));
    });
    await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' });
    const all = await Promise.all(scripts);
    return { scripts: all.length, rawBytes: all.reduce((s, x) => s + x.raw, 0), gzipBytes: all.reduce((s, x) => s + x.gzip, 0) };
  } finally {
    await browser.close();
  }
}

async function main() {
  const sql = postgres(values.database!, { max: 1, onnotice: () => {} });
  const [ind] = await sql`select i.code, g.code as goal from indicators i join work_plans p on p.id = i.plan_id join goals g on g.id = i.goal_id
    where p.year = ${BENCH.planYear} and i.source = 'manual' and i.accumulation = 'cumulative' and 'city' = any(i.disaggregations) order by i.id limit 1`;
  await sql.end();
  const server = await start({ appDir: path.resolve(values.app!), distDir: values.dist!, port: Number(values.port), databaseUrl: values.database! });
  try {
    // localhost, as next-auth's cookies and redirects expect.
    const origin = server.origin.replace('127.0.0.1', 'localhost');
    const cookie = await signIn(origin, BENCH.committeeEmail, BENCH.password);
    const pages = { overview: '/', goal: `/goals/${encodeURIComponent(String(ind!.goal))}`, indicator: `/indicators/${encodeURIComponent(String(ind!.code))}`, report: '/reports/committee' };
    const results: Record<string, Record<string, Scores & { runs: number }>> = {};
    for (const [name, p] of Object.entries(pages)) {
      results[name] = {};
      for (const formFactor of ['desktop', 'mobile'] as const) {
        const runs: Scores[] = [];
        // Up to twice the runs asked for, so that a failed trace costs a retry rather than the page's figures.
        for (let k = 0; k < 2 * Number(values.runs) && runs.length < Number(values.runs); k++) {
          const scores = await audit(`${origin}${p}`, cookie, formFactor);
          if (scores) runs.push(scores);
          // A page the browser could not load at all is the server gone, not a run to retry: say why.
          else server.assertRunning();
        }
        if (runs.length === 0) throw new Error(`Lighthouse scored no run of ${name} (${formFactor})`);
        const pick = (key: keyof Scores) => median(runs.map((r) => r[key]));
        results[name][formFactor] = { performance: pick('performance'), accessibility: pick('accessibility'), fcpMs: pick('fcpMs'), lcpMs: pick('lcpMs'), tbtMs: pick('tbtMs'), cls: pick('cls'), runs: runs.length };
        log(`${name} ${formFactor}: ${JSON.stringify(results[name][formFactor])}`);
      }
    }
    const js = await scriptBytes(origin, cookie, '/');
    const jsByPage: Record<string, Awaited<ReturnType<typeof scriptBytes>>> = {};
    for (const [name, p] of Object.entries(pages)) jsByPage[name] = name === 'overview' ? js : await scriptBytes(origin, cookie, p);
    const lines = [
      '| page | form factor | performance | accessibility | FCP (ms) | LCP (ms) | TBT (ms) | CLS |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...Object.entries(results).flatMap(([name, byForm]) =>
        Object.entries(byForm).map(([form, s]) => {
          const desktop = form === 'desktop';
          const ok = (b: boolean) => (b ? '✅' : '❌');
          return `| ${name} | ${form} | ${s.performance} ${ok(s.performance >= (desktop ? 98 : 90))} | ${s.accessibility} ${ok(s.accessibility === 100)} | ${s.fcpMs} | ${s.lcpMs}${desktop ? ` ${ok(s.lcpMs <= 1000)}` : ''} | ${s.tbtMs}${desktop ? ` ${ok(s.tbtMs <= 50)}` : ''} | ${s.cls}${desktop ? ` ${ok(s.cls <= 0.01)}` : ''} |`;
        }),
      ),
      '',
      `Targets: desktop performance ≥ 98, accessibility 100, LCP ≤ 1000 ms, TBT ≤ 50 ms, CLS ≤ 0.01; mobile performance ≥ 90. Median of ${values.runs} scored runs each; a run Lighthouse could not score is retried, up to as many again.`,
      '',
      `JavaScript the overview loads: ${js.scripts} scripts, ${(js.gzipBytes / 1024).toFixed(1)} kB gzipped (${(js.rawBytes / 1024).toFixed(1)} kB raw); target ≤ 200 kB gzipped ${js.gzipBytes <= 200 * 1024 ? '✅' : '❌'}`,
      '',
      '| page | scripts | JavaScript gzipped (kB) | raw (kB) |',
      '| --- | --- | --- | --- |',
      ...Object.entries(jsByPage).map(([name, b]) => `| ${name} | ${b.scripts} | ${(b.gzipBytes / 1024).toFixed(1)} | ${(b.rawBytes / 1024).toFixed(1)} |`),
    ];
    const md = lines.join('\n');
    mkdirSync(values.out!, { recursive: true });
    const base = path.join(values.out!, `${new Date().toISOString().slice(0, 10)}-lighthouse`);
    writeFileSync(`${base}.json`, `${JSON.stringify({ results, js, jsByPage }, null, 2)}\n`);
    writeFileSync(`${base}.md`, `${md}\n`);
    console.log(md);
  } finally {
    await server.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
