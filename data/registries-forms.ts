import 'server-only';
import type { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Reference, WriteResult } from '@/db/queries/registries/shared';
import type { ActionFailure } from '@/types/action';
import type { RegistryFormState } from '@/types/forms';

/**
 * Turning the registries' refused writes into the answer the forms show (a field error, a confirmation question,
 * a message), translated here on the server.
 */

export type T = Awaited<ReturnType<typeof getTranslations>>;

export function referencesMessage(t: T, references: Reference[]): string {
  const items = references.map((r) => t(`registries.references.${r.kind}`, { count: r.count, detail: r.detail ?? '' }));
  return `${t('registries.references.intro')} ${items.join('; ')}. ${t('registries.references.archiveInstead')}`;
}

/** The answer to a refused write; `label` names a status value for the confirmation question. */
export function refused(
  t: T,
  result: Exclude<WriteResult, { ok: true }>,
  values: RegistryFormState['values'],
  label: (status: string) => string = (s) => s,
): ActionFailure & RegistryFormState {
  const attempt = Date.now();
  switch (result.error) {
    case 'not_found':
      return { ok: false, message: t('registries.actions.notFound'), values, attempt };
    case 'field':
      return { ok: false, message: t('registries.validation.form'), errors: { [result.field]: [t(result.messageKey)] }, values, attempt };
    case 'needs_confirmation': {
      const names = { from: label(result.from), to: label(result.to) };
      // The question is the message here: the form shows it with its checkbox.
      return { ok: false, message: '', confirm: { question: t('registries.confirm.skip', names), label: t('registries.confirm.label', names) }, values, attempt };
    }
    case 'referenced':
      return { ok: false, message: referencesMessage(t, result.references), values, attempt };
  }
}

/** The id posted by a record's action forms. */
export const recordIdField = z.object({ id: z.coerce.number().int().positive() });
