import 'server-only';
import type { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Reference, WriteResult } from '@/db/queries/registries/shared';
import { registryFormFields } from '@/lib/validation/registries';

/**
 * What the registries' server actions share: reading a form, and turning validation errors and write results
 * into the state the forms show (field errors, a confirmation question, a message). Messages are translated
 * here, on the server.
 */

export interface RegistryFormState {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  /** What the form had, to refill it after a refusal. */
  values?: Record<string, string | string[]>;
  /** A change that skips a stage: the form shows this question with a checkbox named `confirm`. */
  confirm?: { question: string; label: string };
  /** Changes on every answer, so the form remounts with the returned values. */
  attempt?: number;
}

export type T = Awaited<ReturnType<typeof getTranslations>>;

export function readForm(formData: FormData, names: readonly string[], multi: readonly string[] = []) {
  const raw = registryFormFields(formData, names, multi);
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || Array.isArray(value)) values[key] = value as string | string[];
  }
  return { raw, values };
}

export function invalid(t: T, error: z.ZodError, values: RegistryFormState['values']): RegistryFormState {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const errors: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(fieldErrors)) if (keys?.length) errors[field] = keys.map((k) => t(k));
  return { ok: false, message: t('registries.validation.form'), errors, values, attempt: Date.now() };
}

export function referencesMessage(t: T, references: Reference[]): string {
  const items = references.map((r) => t(`registries.references.${r.kind}`, { count: r.count, detail: r.detail ?? '' }));
  return `${t('registries.references.intro')} ${items.join('; ')}. ${t('registries.references.archiveInstead')}`;
}

/** The state for a refused write; `label` names a status value for the confirmation question. */
export function refused(
  t: T,
  result: Exclude<WriteResult, { ok: true }>,
  values: RegistryFormState['values'],
  label: (status: string) => string = (s) => s,
): RegistryFormState {
  const attempt = Date.now();
  switch (result.error) {
    case 'not_found':
      return { ok: false, message: t('registries.actions.notFound'), values, attempt };
    case 'field':
      return { ok: false, message: t('registries.validation.form'), errors: { [result.field]: [t(result.messageKey)] }, values, attempt };
    case 'needs_confirmation': {
      const names = { from: label(result.from), to: label(result.to) };
      return { ok: false, confirm: { question: t('registries.confirm.skip', names), label: t('registries.confirm.label', names) }, values, attempt };
    }
    case 'referenced':
      return { ok: false, message: referencesMessage(t, result.references), values, attempt };
  }
}

/** The id posted by a record's action forms. */
export const recordIdField = z.object({ id: z.coerce.number().int().positive() });
