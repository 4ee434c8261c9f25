'use server';

import { defineAction, defineJsonAction, type Outcome } from '@/data/action';
import { readEvidenceUploads } from '@/data/evidence-uploads';
import { problemTranslator } from '@/data/updates-messages';
import { flagPreviewSchema, newUpdateSchema } from '@/lib/validation/updates';
import type { LogProgressState } from '@/types/forms';
import { findPlan } from '@/data/writes/plans';
import { createUpdate, previewFlags } from '@/data/writes/updates';

/**
 * Logging progress: db/queries/updates/createUpdate makes every check, the idempotent insert and the audit row;
 * then the indicator page shows the new value. A resubmission with the form's idempotency key is never stored
 * twice, so a form that was refused because the database was away may simply be sent again. Evidence files are
 * stored with the update in its transaction: the update and all its files, or nothing.
 */
export const logProgressAction = defineAction({
  policy: 'progress.log',
  schema: newUpdateSchema,
  fields: ['indicator', 'period', 'cityId', 'clusterId', 'partnerId', 'note', 'evidenceUrl', 'intent', 'idempotencyKey', 'confirmPlausibility'],
  invalidMessage: 'updates.form.fixErrors',
  body: async ({ db, actor, input: f, values, formData, t }): Promise<Outcome & LogProgressState> => {
    const { fields, one } = await problemTranslator();
    // Files are checked (count, size, type by content) before anything is written; a refusal stores nothing.
    const uploads = await readEvidenceUploads(formData);
    if (!uploads.ok) return { ok: false, message: t('updates.form.fixErrors'), errors: fields({ evidenceFiles: uploads.problems }) };
    const plan = await findPlan(db, Number(values.plan) || undefined);
    if (!plan) return { ok: false, message: t('updates.errors.noPlan') };
    const figure = (name: string) => values[name] as string | undefined;
    const result = await createUpdate(db, {
      planId: plan.id,
      indicatorCode: f.indicator,
      period: f.period,
      place: { cityId: f.cityId, clusterId: f.clusterId, partnerId: f.partnerId },
      figures: { value: figure('value'), numerator: figure('numerator'), denominator: figure('denominator'), milestone: figure('milestone') },
      note: f.note,
      evidenceUrl: f.evidenceUrl,
      status: f.intent === 'draft' ? 'draft' : 'submitted',
      idempotencyKey: f.idempotencyKey,
      confirmed: f.confirmPlausibility,
      actorId: actor.id,
      evidence: uploads.files,
    });
    if (!result.ok) {
      const warnings = result.warnings.length > 0 ? { warnings: result.warnings.map(one) } : {};
      // A confirmed flagged value without its note: the note field says why, the flags stay in view.
      if (Object.keys(result.errors).length > 0) return { ok: false, message: t('updates.form.fixErrors'), errors: fields(result.errors), ...warnings };
      return { ok: false, message: t('updates.form.confirmNeeded'), ...warnings };
    }
    const code = result.indicator.code;
    return {
      ok: true,
      invalidate: [{ kind: 'progress', indicatorCode: code }],
      redirectTo: `/indicators/${encodeURIComponent(code)}?plan=${plan.year}&saved=${result.update.id}#update-${result.update.id}`,
    };
  },
});

/**
 * The data-quality flags of the value being typed, before it is submitted: the log form asks as the figure changes
 * (debounced) and shows them beside the field, with the note marked required. Only those who may log progress may
 * ask (the policy); the same checks and flags as the submit (db/queries/updates/flag-preview.ts); nothing is written.
 */
export const previewFlagsAction = defineJsonAction({
  policy: 'progress.log',
  schema: flagPreviewSchema,
  invalidMessage: 'updates.form.fixErrors',
  body: async ({ db, input: f, t }) => {
    const plan = await findPlan(db, f.plan);
    if (!plan) return { ok: false, message: t('updates.errors.noPlan') };
    const result = await previewFlags(db, {
      planId: plan.id,
      indicatorCode: f.indicator,
      period: f.period,
      place: { cityId: f.cityId, clusterId: f.clusterId, partnerId: f.partnerId },
      figures: { value: f.value, numerator: f.numerator, denominator: f.denominator, milestone: f.milestone },
    });
    const { fields, one } = await problemTranslator();
    if (!result.ok) return { ok: false, message: t('updates.form.fixErrors'), errors: fields(result.errors) };
    return { ok: true as const, flags: result.flags.map(one) };
  },
});
