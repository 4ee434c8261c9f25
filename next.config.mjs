import { fileURLToPath } from 'node:url';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    // The catalogs' ICU messages are compiled at build time: no page parses a message at run time, and the browser
    // gets a formatter without intl-messageformat's parser. Code run outside Next's build (the worker, scripts,
    // tests) reads the same JSON as text and parses it as before.
    messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel work (a benchmark, a second browser run) keep its own build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time, not bundled.
  // chrome-launcher finds an installed browser with child processes and files of its own (Next already keeps
  // playwright-core and @sparticuz/chromium, which extracts its browser from its package folder, external).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'chrome-launcher'],
  poweredByHeader: false,
  reactStrictMode: true,
  // The store of `'use cache'` (data/views.ts): Redis shared by every instance when REDIS_URL is set, else memory.
  cacheHandlers: { default: fileURLToPath(new URL('./server/cache/handler.mjs', import.meta.url)) },
  experimental: {
    // Route modules load on their first request instead of all at start-up: a server that is never asked for the
    // admin workbooks or the registries' imports never holds their code (exceljs, parsers) in memory.
    preloadEntriesOnStart: false,
    // forbidden() and unauthorized(): real 403/401 responses from pages and server actions.
    authInterrupts: true,
    // `'use cache'` without Cache Components: see "Cached views" in docs/architecture.md for why not
    // `cacheComponents` (Next prints that this flag is deprecated in its favour).
    useCache: true,
    // Evidence files ride on the progress forms' server actions: five files of at most 10 MiB each (lib/evidence/
    // rules.ts) and the form's fields. The default (1 MB) would refuse a single scan; a larger limit would let any
    // action be sent more than a form can legitimately carry.
    serverActions: { bodySizeLimit: '51mb' },
    // The proxy buffers a request's body for the handler behind it, and past this size passes on only the start
    // of it (10 MB by default): a multipart body cut short would not parse. The same limit as the actions'.
    proxyClientMaxBodySize: '51mb',
  },
  async headers() {
    // Static files skip the proxy; they still get the headers that do not depend on the request.
    const isProduction = process.env.NODE_ENV === 'production';
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          ...(isProduction ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
        ],
      },
      {
        // Read-only share links: never indexed (the page's robots meta says so too), the link never passed on
        // as a referrer, and never kept by a cache (a revoked link must stop working at once).
        source: '/share/:path*',
        headers: [
          { key: 'X-Robots-Tag', value: 'noindex, nofollow, noarchive' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Cache-Control', value: 'private, no-store' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
