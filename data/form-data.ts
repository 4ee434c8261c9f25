import type { FormValues } from '@/types/action';

/**
 * Server actions are public endpoints: anyone holding an action id can POST any arguments React's encoding can
 * carry — a string, a number, null, an object, or nothing where the form's FormData belongs. The action wrapper
 * (data/action.ts) checks the argument with `isFormData` right after the authorization (before it, for the public
 * actions) and answers anything else with a clear refusal, never a TypeError (HTTP 500), and nothing changed.
 */
export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}

/** The FormData, or null when the argument is anything else. */
export function formDataOrNull(value: unknown): FormData | null {
  return isFormData(value) ? value : null;
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
