import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, trustFromEnv } from '@/lib/auth/client-address';
import { log, logPath } from '@/lib/log';
import { requestContext, type RequestContext } from '@/lib/observability/request-context';

export { noteRequestUser } from '@/lib/observability/request-context';

/**
 * One structured log line per request with its final status and duration, and the request's context (client
 * address, user) for the code that serves it — from Node's own `http.server.request.start` diagnostics channel,
 * which Node's HTTP server publishes before Next sees the request. The subscriber enters the request's context
 * (lib/observability/request-context.ts), which every await of Next's handling then carries, and listens for the
 * response's close. Nothing is added to the request, nothing patched on the response.
 */
interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
}

const started = Symbol.for('srm.requestLog.started');
const holder = globalThis as { [started]?: boolean };

/** Subscribes once per process (instrumentation.ts, Node runtime). Returns how client addresses are trusted. */
export function startRequestLog(): string {
  const proxyTrust = trustFromEnv();
  if (holder[started]) return proxyTrust.describe;
  holder[started] = true;
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as RequestStart;
    const begun = process.hrtime.bigint();
    const context: RequestContext = { requestId: randomUUID(), clientAddress: clientAddress(request, proxyTrust.trust), userId: null };
    requestContext.enterWith(context);
    response.once('close', () => {
      const status = response.statusCode;
      log(status >= 500 ? 'error' : status === 401 || status === 403 ? 'warn' : 'info', 'http.request', {
        // Every refused authorization is marked, whoever refused it (proxy, page, action or route).
        ...(status === 401 || status === 403 ? { security: 'authorization_refused' } : {}),
        requestId: context.requestId,
        method: request.method,
        route: logPath((request.url ?? '/').split('?')[0] ?? '/'),
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - begun) / 1e4) / 100,
        userId: context.userId,
        aborted: !response.writableFinished,
      });
    });
  });
  return proxyTrust.describe;
}
