import 'server-only';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import type { FieldErrors, Problem, UpdateField } from '@/db/queries/updates/types';
import { formatDateTime, formatNumber } from '@/lib/format';

/**
 * Problems from db/queries/updates (message keys with values) and zod issues (message keys) in the user's
 * language: lock timestamps in their time zone, numbers in their locale.
 */

export type FieldMessages = Partial<Record<UpdateField, string[]>>;

export async function problemTranslator() {
  const [t, locale, timeZone] = await Promise.all([getTranslations(), getLocale(), getTimeZone()]);
  return { t, ...problemFormatter(t, locale, timeZone) };
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The same, with a translator of the caller's choosing (the API's, from the request's Accept-Language). */
export function problemFormatter(t: Translate, locale: string, timeZone: string) {
  const one = (p: Problem): string => {
    const values: Record<string, string | number> = { ...p.values };
    if (typeof values.at === 'string') values.at = formatDateTime(locale, values.at, timeZone);
    if (typeof values.last === 'number') values.last = formatNumber(locale, values.last, 2);
    if (typeof values.recent === 'number') values.recent = formatNumber(locale, values.recent, 2);
    if (typeof values.kind === 'string') values.kind = t(`updates.disaggregations.${values.kind}`);
    if (typeof values.status === 'string') values.status = t(`updates.status.${values.status}`);
    return t(p.key, values);
  };
  const fields = (errors: FieldErrors): FieldMessages => {
    const out: FieldMessages = {};
    for (const [field, problems] of Object.entries(errors) as [UpdateField, Problem[]][]) out[field] = problems.map(one);
    return out;
  };
  return { one, fields };
}

/** Zod issues (message keys) onto form fields. */
export function zodFieldErrors(issues: { path: PropertyKey[]; message: string }[], rename: Record<string, UpdateField> = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? 'form');
    const field = rename[name] ?? (name as UpdateField);
    (out[field] ??= []).push({ key: issue.message });
  }
  return out;
}
