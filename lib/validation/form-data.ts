import { getTranslations } from 'next-intl/server';

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
