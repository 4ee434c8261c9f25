import 'server-only';
import type { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { MeetingWriteResult } from '@/db/queries/meetings/meetings';
import type { MeetingFormState } from './meetings-forms';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** zod issues (message keys) as translated field errors, with the values to refill the form. */
export function invalid(t: T, error: z.ZodError, values: Record<string, string>, lists?: Record<string, string[]>): MeetingFormState {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const errors: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(fieldErrors)) {
    if (keys?.length) errors[field] = keys.map((k) => (k.startsWith('meetings.') ? t(k) : t('meetings.validation.invalid')));
  }
  return { ok: false, message: t('meetings.validation.form'), errors, values, lists, attempt: Date.now() };
}

/** A refused write as the form's state. */
export function refused(t: T, result: Exclude<MeetingWriteResult, { ok: true }>, values: Record<string, string>, lists?: Record<string, string[]>): MeetingFormState {
  if (result.error === 'not_found') return { ok: false, message: t('meetings.notFound'), values, lists, attempt: Date.now() };
  return { ok: false, message: t('meetings.validation.form'), errors: { [result.field]: [t(result.messageKey)] }, values, lists, attempt: Date.now() };
}
