/**
 * RFC 9457 problem details: the one shape every refusal of a route handler takes (the PDF routes, /api/v1).
 * `type` is a URN naming the kind of problem; `title` and `detail` are for people, in the caller's language;
 * extension members (such as `errors` or `retryAfter`) sit beside them.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The response for a problem: never cached, with any extra headers (Retry-After, WWW-Authenticate). */
export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
  });
}
