'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { findPlan } from '@/db/queries/plans';
import { createUpdate } from '@/db/queries/updates/create';
import { requireActionUser } from '@/data/auth/session';
import { problemTranslator, zodFieldErrors, type FieldMessages } from '@/data/updates-messages';
import { newUpdateSchema, rawValues } from '@/lib/validation/updates';
import { isFormData, refusalIfDatabaseUnavailable, unreadableRequest } from '@/data/form-data';

/**
 * Logging progress (issue 5, items 1–3): authorize → parse → db/queries/updates/createUpdate (every check,
 * the idempotent insert and the audit row) → revalidate and land on the indicator page showing the new value.
 */

export interface LogProgressState {
  message?: string;
  errors?: FieldMessages;
  /** Plausibility questions: the form shows them with a "save anyway" checkbox. */
  warnings?: string[];
  values?: Record<string, string>;
  /** The database was unavailable: nothing was saved (the message says so); the form may be sent again. */
  unavailable?: true;
}

const FIELDS = [
  'indicator', 'plan', 'period', 'value', 'numerator', 'denominator', 'milestone', 'cityId', 'clusterId', 'partnerId',
  'note', 'evidenceUrl', 'intent', 'idempotencyKey', 'confirmPlausibility',
] as const;

export async function logProgressAction(_previous: LogProgressState, formData: FormData): Promise<LogProgressState> {
  const actor = await requireActionUser('progress.log');
  if (!isFormData(formData)) return unreadableRequest();
  const { t, fields, one } = await problemTranslator();
  const values = rawValues(formData, FIELDS);
  const parsed = newUpdateSchema.safeParse(values);
  if (!parsed.success) {
    return { values, message: t('updates.form.fixErrors'), errors: fields(zodFieldErrors(parsed.error.issues)) };
  }
  const f = parsed.data;
  let plan: Awaited<ReturnType<typeof findPlan>>, result: Awaited<ReturnType<typeof createUpdate>>;
  try {
    const db = await getDb();
    plan = await findPlan(db, Number(values.plan) || undefined);
    if (!plan) return { values, message: t('updates.errors.noPlan') };
    result = await createUpdate(db, {
      planId: plan.id,
      indicatorCode: f.indicator,
      period: f.period,
      place: { cityId: f.cityId, clusterId: f.clusterId, partnerId: f.partnerId },
      figures: { value: values.value, numerator: values.numerator, denominator: values.denominator, milestone: values.milestone },
      note: f.note,
      evidenceUrl: f.evidenceUrl,
      status: f.intent === 'draft' ? 'draft' : 'submitted',
      idempotencyKey: f.idempotencyKey,
      confirmed: f.confirmPlausibility,
      actorId: actor.id,
    });
  } catch (error) {
    return { values, ...(await refusalIfDatabaseUnavailable(error)) };
  }
  if (!result.ok) {
    if (result.warnings.length > 0) {
      return { values, message: t('updates.form.confirmNeeded'), warnings: result.warnings.map(one) };
    }
    return { values, message: t('updates.form.fixErrors'), errors: fields(result.errors) };
  }
  const code = result.indicator.code;
  revalidatePath(`/indicators/${code}`);
  revalidatePath('/');
  redirect(`/indicators/${encodeURIComponent(code)}?plan=${plan.year}&saved=${result.update.id}#update-${result.update.id}`);
}
