import { isDatabaseUnavailable } from '@/db/errors';
import { log, logPath } from '@/lib/log';

interface RequestInfo {
  path: string;
  method: string;
}
interface ErrorContext {
  routerKind: string;
  routePath: string;
  routeType: string;
}

/**
 * Next calls this for every error thrown while handling a request. The digest is what the error page shows
 * the user as its reference id, so one search of the log finds the real error behind a report.
 */
export function onRequestError(error: unknown, request: RequestInfo, context: ErrorContext): void {
  // The database being away is logged once when it goes and once when it is back (db/availability.ts); its
  // requests are answered 503 and appear in the request log, not each as an error of its own.
  if (isDatabaseUnavailable(error)) return;
  const e = error as Error & { digest?: string };
  log('error', 'http.error', {
    ref: e.digest ?? null,
    method: request.method,
    route: logPath(request.path.split('?')[0] ?? '/'),
    routePath: context.routePath,
    routeType: context.routeType,
    name: e.name,
    message: e.message,
    stack: e.stack?.split('\n').slice(0, 8).join('\n'),
  });
}
