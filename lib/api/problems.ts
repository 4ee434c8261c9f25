import { createTranslator } from 'next-intl';
import enMessages from '@/lib/i18n/messages/en';
import zhMessages from '@/lib/i18n/messages/zh';
import { negotiateLocale } from '@/lib/i18n/config';
import { problemResponse, type ProblemDetails } from '@/lib/problem';

/**
 * The API's refusals as RFC 9457 problems: each kind has one status and one text (api.problem.* in the
 * catalogs), in the language the caller's Accept-Language asks for. `type` is `urn:srm:problem:<kind>`.
 */
export const apiProblemStatus = {
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  token_required: 403,
  not_found: 404,
  invalid_request: 400,
  validation: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ApiProblemKind = keyof typeof apiProblemStatus;

/** Thrown inside an API handler; the handler wrapper answers it as a problem. */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ApiProblemKind,
    readonly options: { values?: Record<string, string | number>; errors?: Record<string, string[]>; headers?: Record<string, string> } = {},
  ) {
    super(kind);
    this.name = 'ApiProblem';
  }
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function apiTranslator(acceptLanguage: string | null): Translate {
  const locale = negotiateLocale(acceptLanguage);
  const messages = (locale === 'zh' ? zhMessages : enMessages) as Record<string, unknown>;
  return createTranslator({ locale, messages }) as unknown as Translate;
}

/** The problem document of a refusal, in the caller's language. */
export function apiProblemBody(problem: ApiProblem, acceptLanguage: string | null): ProblemDetails {
  const t = apiTranslator(acceptLanguage);
  const { values, errors } = problem.options;
  return {
    type: `urn:srm:problem:${problem.kind.replaceAll('_', '-')}`,
    title: t(`api.problem.${problem.kind}.title`),
    status: apiProblemStatus[problem.kind],
    detail: t(`api.problem.${problem.kind}.detail`, values),
    ...(errors ? { errors } : {}),
  };
}

export function apiProblemResponse(problem: ApiProblem, acceptLanguage: string | null): Response {
  return problemResponse(apiProblemBody(problem, acceptLanguage), problem.options.headers);
}
