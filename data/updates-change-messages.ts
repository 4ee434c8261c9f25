import 'server-only';
import type { ChangeResult } from '@/db/queries/updates/changes';
import { problemTranslator, type FieldMessages } from './updates-messages';

/** A refused change (not found, conflict, invalid) as a message for the small action forms. */
export async function changeFailure(result: Exclude<ChangeResult, { ok: true }>): Promise<{ ok: false; message: string; errors?: FieldMessages }> {
  const { t, fields } = await problemTranslator();
  if (result.error === 'not_found') return { ok: false, message: t('updates.errors.notFound') };
  if (result.error === 'conflict') return { ok: false, message: t('updates.errors.changedMeanwhile') };
  const errors = fields(result.errors);
  return { ok: false, message: Object.values(errors).flat().join(' '), errors };
}
