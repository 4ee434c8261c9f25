import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the server knows about the request being served, set where Node's HTTP server starts it
 * (data/observability/request-log.ts, subscribed from instrumentation.ts) and read by the code that serves it:
 * the client's address for rate limits and audit, and the signed-in user for the request's log line. Kept on
 * globalThis: instrumentation.ts, the proxy and the app's bundles are separate module copies in one process.
 * Outside a server request (tests, scripts) there is none.
 */
export interface RequestContext {
  requestId: string;
  /** Worked out from the socket and the trusted proxies only (lib/auth/client-address.mjs). */
  clientAddress: string;
  userId: string | null;
}

const key = Symbol.for('srm.requestContext');
const holder = globalThis as { [key]?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (holder[key] ??= new AsyncLocalStorage<RequestContext>());

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}

/** The signed-in user the request is served for, for its log line. */
export function noteRequestUser(userId: string): void {
  const context = requestContext.getStore();
  if (context) context.userId = userId;
}
