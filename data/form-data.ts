import { getTranslations } from 'next-intl/server';
import { isDatabaseUnavailable } from '@/db/errors';
import type { FormValues } from '@/types/action';

/**
 * Server actions are public endpoints: anyone holding an action id can POST any arguments React's encoding can
 * carry — a string, a number, null, an object, or nothing where the form's FormData belongs. Every action that
 * reads a form checks its argument with `isFormData` right after its authorization (before it, for the public
 * ones) and answers anything else with `unreadableRequest()`: a clear refusal in the action's own state shape,
 * never a TypeError (HTTP 500), and nothing changed.
 */
export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}

/** The FormData, or null when the argument is anything else. */
export function formDataOrNull(value: unknown): FormData | null {
  return isFormData(value) ? value : null;
}

/**
 * The refusal for an argument that is not a form. `{ ok: false, message }` fits every action state (all have an
 * optional `message`; those without `ok` ignore it), so each action returns it as is.
 */
export async function unreadableRequest(): Promise<{ ok: false; message: string }> {
  const t = await getTranslations();
  return { ok: false, message: t('errors.requestUnreadable') };
}

/**
 * For an action's `catch`: when the database was unavailable, the refusal the form shows (the change was in one
 * transaction, so nothing of it is half-written; a resubmission with the form's idempotency key is never stored
 * twice). Any other error is thrown on. The HTTP status stays 200: the form answers, with a typed state.
 */
export async function refusalIfDatabaseUnavailable(error: unknown): Promise<{ ok: false; message: string; unavailable: true }> {
  if (!isDatabaseUnavailable(error)) throw error;
  const t = await getTranslations();
  return { ok: false, message: t('errors.notSavedUnavailable'), unavailable: true };
}


/**
 * The one FormData-to-object step for zod: each named field as its string (null when absent or a file), each
 * `multi` field as the list of its non-empty strings. `values` holds every string the form posted (React's own
 * `$ACTION_…` entries left out) and the lists, to refill the form after a refusal.
 */
export function formObject(
  formData: FormData,
  names: readonly string[],
  multi: readonly string[] = [],
): { raw: Record<string, unknown>; values: FormValues } {
  const raw: Record<string, unknown> = {};
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) values[key] ??= value;
  for (const name of names) {
    const value = formData.get(name);
    raw[name] = typeof value === 'string' ? value : null;
  }
  for (const name of multi) {
    const list = formData.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
    raw[name] = list;
    values[name] = list;
  }
  return { raw, values };
}
