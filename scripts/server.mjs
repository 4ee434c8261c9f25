// `npm start`: Next's production request handler inside a plain Node HTTP server, so that every request gets
// exactly one structured log line with its final status and duration (Next 16 has no hook that sees both).
// Options: -H host (default 0.0.0.0), -p port (default $PORT or 3000); NEXT_DIST_DIR picks the build folder.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import next from 'next';
import { CLIENT_ADDRESS_FLAG, CLIENT_ADDRESS_HEADER, clientAddress, trustFromEnv } from '../lib/auth/client-address.mjs';

const args = process.argv.slice(2);
const option = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const hostname = option('-H', process.env.HOSTNAME ?? '0.0.0.0');
const port = Number(option('-p', process.env.PORT ?? 3000));

/** The proxy tells the server who the request was for in this header; it never leaves the server. */
const USER_HEADER = 'x-srm-user';

const secretSegment = /^\/set-password\/[^/?]+/;
const shareSegment = /^\/share\/[^/?]+/;
const logPath = (url) => (url ?? '/').split('?')[0].replace(secretSegment, '/set-password/[token]').replace(shareSegment, '/share/[token]').slice(0, 300);

function line(fields) {
  // JSON.stringify escapes newlines: a request path cannot forge a second log line.
  const json = JSON.stringify({ time: new Date().toISOString(), ...fields });
  return `${json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}\n`;
}

// Each request's outcome as the app records it (db/availability.ts reads this store through globalThis): a
// request that failed because the database was away is answered 503 with Retry-After, never 500 — Next itself
// answers any error a page or route handler throws with 500.
const requestOutcome = new AsyncLocalStorage();
globalThis[Symbol.for('srm.requestOutcome')] = requestOutcome;

// Tells the proxy to hand over the user id (see USER_HEADER); under plain `next start` it does not.
process.env.SRM_REQUEST_LOG = '1';
// Rate limits key on the client's address: this server works it out from the socket (and trusted proxies
// only) and hands it to the app in a header it always overwrites; the app trusts that header only with this flag.
const proxyTrust = trustFromEnv();
process.env[CLIENT_ADDRESS_FLAG] = '1';
const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  const requestId = randomUUID();
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, proxyTrust.trust);
  let userId = null;
  const outcome = {};
  // Take the user header out before the response head is written, wherever Next sets it.
  const writeHead = res.writeHead;
  res.writeHead = function patchedWriteHead(...headArgs) {
    const fromRes = res.getHeader(USER_HEADER);
    if (fromRes !== undefined) {
      userId = String(fromRes);
      res.removeHeader(USER_HEADER);
    }
    for (const h of headArgs) {
      if (h && typeof h === 'object' && !Array.isArray(h)) {
        for (const key of Object.keys(h)) {
          if (key.toLowerCase() === USER_HEADER) {
            userId = String(h[key]);
            delete h[key];
          }
        }
      } else if (Array.isArray(h)) {
        for (let i = h.length - 2; i >= 0; i -= 2) {
          if (typeof h[i] === 'string' && h[i].toLowerCase() === USER_HEADER) {
            userId = String(h[i + 1]);
            h.splice(i, 2);
          }
        }
      }
    }
    if (outcome.databaseUnavailable && typeof headArgs[0] === 'number' && headArgs[0] >= 500) {
      headArgs[0] = 503;
      res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
      res.setHeader('Cache-Control', 'no-store');
    }
    return writeHead.apply(this, headArgs);
  };
  res.on('close', () => {
    const status = res.statusCode;
    process.stdout.write(
      line({
        level: status >= 500 ? 'error' : status === 401 || status === 403 ? 'warn' : 'info',
        event: 'http.request',
        // Every refused authorization is marked, whoever refused it (proxy, page, action or route).
        ...(status === 401 || status === 403 ? { security: 'authorization_refused' } : {}),
        requestId,
        method: req.method,
        route: logPath(req.url),
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        userId,
        aborted: !res.writableFinished,
      }),
    );
  });
  requestOutcome.run(outcome, () => handle(req, res)).catch((error) => {
    process.stderr.write(line({ level: 'error', event: 'http.unhandled', requestId, message: String(error?.message ?? error) }));
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.listen(port, hostname, () => {
  process.stdout.write(line({ level: 'info', event: 'server.listening', url: `http://${hostname}:${port}`, clientAddress: proxyTrust.describe }));
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
