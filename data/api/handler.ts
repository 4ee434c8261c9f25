import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { RETRY_AFTER_SECONDS } from '@/db/availability';
import { isDatabaseUnavailable } from '@/db/errors';
import { ApiProblem, apiProblemResponse } from '@/lib/api/problems';
import type { Action } from '@/lib/auth/policy';
import { clientIp } from '@/lib/auth/client-ip';
import { log } from '@/lib/log';
import { requireApiCaller, type ApiCaller } from '@/data/auth/api-caller';
import { consumeCallerAllowance, consumeIpAllowance } from './rate-limit';

/**
 * Every /api/v1 route handler runs through here: the per-address limit → the caller (token or session) checked
 * by the one policy → the per-caller limit → the handler → JSON with an ETag (GET answers 304 to a matching
 * If-None-Match) — or a problem+json refusal: 400 for bad parameters (naming them), 401/403, 404, 429 with
 * Retry-After, 503 with Retry-After while the database is unavailable. Never a redirect.
 */

export interface ApiRequest<P> {
  request: Request;
  caller: ApiCaller;
  params: P;
  query: URLSearchParams;
}

export interface ApiResult {
  status?: number;
  /** Sent as JSON; or `raw`, sent as is with the content-type its headers give (the IATI file). */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

type RouteContext<P> = { params: Promise<P> };

export function apiRoute<P = Record<string, never>>(action: Action, handler: (r: ApiRequest<P>) => Promise<ApiResult>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const acceptLanguage = request.headers.get('accept-language');
    try {
      await consumeIpAllowance(clientIp());
      const caller = await requireApiCaller(request, action);
      await consumeCallerAllowance(caller.tokenId ? `token:${caller.tokenId}` : `user:${caller.id}`);
      const params = await context.params;
      const result = await handler({ request, caller, params, query: new URL(request.url).searchParams });
      return jsonResponse(request, result);
    } catch (error) {
      return refusal(error, acceptLanguage);
    }
  };
}

function jsonResponse(request: Request, result: ApiResult): Response {
  const body = result.raw ?? JSON.stringify(result.body);
  const status = result.status ?? 200;
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    // Private: the answer depends on who asks; revalidated each time with the ETag.
    'cache-control': 'private, no-cache',
    vary: 'Authorization, Cookie, Accept-Language',
    ...result.headers,
  };
  if (request.method === 'GET' && status === 200) {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    headers.etag = etag;
    if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status, headers });
}

/** If-None-Match: `*`, or a list of (possibly weak) entity tags. */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function refusal(error: unknown, acceptLanguage: string | null): Response {
  if (error instanceof ApiProblem) return apiProblemResponse(error, acceptLanguage);
  if (error instanceof z.ZodError) return apiProblemResponse(new ApiProblem('invalid_request', { errors: fieldErrors(error) }), acceptLanguage);
  if (isDatabaseUnavailable(error)) {
    log('warn', 'api.unavailable', {});
    return apiProblemResponse(
      new ApiProblem('unavailable', { values: { seconds: RETRY_AFTER_SECONDS }, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } }),
      acceptLanguage,
    );
  }
  throw error;
}

/** Zod issues as `{ field: [message, …] }`, the field being the parameter's name (or `body` for the whole). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : 'body';
    (out[field] ??= []).push(issue.message);
  }
  return out;
}

/** Parses a query string with a schema; unknown parameters are refused (a typo is not silently ignored). */
export function parseQuery<T extends z.ZodType>(schema: T, query: URLSearchParams): z.infer<T> {
  const values: Record<string, string> = {};
  for (const [key, value] of query) values[key] = value;
  return schema.parse(values);
}

/** A path segment parsed with a schema; a bad one is a 400 naming it. */
export function pathParam<T extends z.ZodType, P>(schema: T, params: P, name: keyof P & string): z.infer<T> {
  const raw = params[name];
  const parsed = schema.safeParse(typeof raw === 'string' ? decodeURIComponent(raw) : raw);
  if (!parsed.success) throw new ApiProblem('invalid_request', { errors: { [name]: parsed.error.issues.map((i) => i.message) } });
  return parsed.data;
}
