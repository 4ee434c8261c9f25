import 'server-only';
import type { MeetingWriteResult } from '@/db/queries/meetings/meetings';
import type { ActionFailure, FormState } from '@/types/action';
import type { MeetingFormState } from '@/types/forms';
import type { Translator } from './action';

/** A refused meeting or item write, as the form's answer. */
export function refused(t: Translator, result: Exclude<MeetingWriteResult, { ok: true }>): ActionFailure {
  if (result.error === 'not_found') return { ok: false, message: t('meetings.notFound') };
  return { ok: false, message: t('meetings.validation.form'), errors: { [result.field]: [t(result.messageKey)] } };
}

/**
 * Every answer of a meeting form carries its checkbox lists apart from its single values (the forms refill
 * them differently) and a new attempt, so the form remounts with what it returned.
 */
export function meetingAnswer(answer: FormState): MeetingFormState {
  const lists = Object.fromEntries(Object.entries(answer.values ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1])));
  return { ...answer, lists, attempt: Date.now() };
}
