'use server';

import { allFieldErrors, type Db, defineAction, defineJsonAction, type Outcome } from '@/data/action';
import { readEvidenceUploads } from '@/data/evidence-uploads';
import { changeFailure } from '@/data/updates-change-messages';
import { problemTranslator } from '@/data/updates-messages';
import { correctionFlagPreviewSchema, correctionSchema, removeEvidenceSchema, submitSchema, withdrawSchema } from '@/lib/validation/updates';
import type { CorrectionState } from '@/types/forms';
import { correctUpdate, findUpdateWithIndicator, previewCorrectionFlags, removeEvidence, requestWithdrawal, submitUpdate, withdrawUpdate } from '@/data/writes/updates';
import { figureOf } from '@/lib/progress/reading';

/**
 * Corrections, withdrawal and (re)submission of one update. Optimistic locking: the form sends the version it
 * showed; when someone changed the update meanwhile, the correction form gets the newer figure and version back
 * and the editor chooses (keep theirs, or save theirs over it knowingly).
 */

/** After a change: the indicator's page, at the changed update. */
async function afterChange(db: Db, updateId: number) {
  const row = await findUpdateWithIndicator(db, updateId);
  const code = row?.indicator.code ?? '';
  return {
    ok: true as const,
    invalidate: [{ kind: 'progress' as const, indicatorCode: code }],
    redirectTo: `/indicators/${encodeURIComponent(code)}?saved=${updateId}#update-${updateId}`,
  };
}

export const correctUpdateAction = defineAction({
  policy: 'progress.log',
  schema: correctionSchema,
  invalidMessage: 'updates.form.fixErrors',
  body: async ({ db, actor, input, values, formData, t }): Promise<Outcome & CorrectionState> => {
    const figure = (name: string) => values[name] as string | undefined;
    // New evidence files are checked before anything is written; the correction counts those already attached.
    const uploads = await readEvidenceUploads(formData);
    if (!uploads.ok) {
      const { fields } = await problemTranslator();
      return { ok: false, message: t('updates.form.fixErrors'), errors: fields({ evidenceFiles: uploads.problems }) };
    }
    const result = await correctUpdate(db, {
      ...input,
      evidence: uploads.files,
      figures: { value: figure('value'), numerator: figure('numerator'), denominator: figure('denominator'), milestone: figure('milestone') },
      actorId: actor.id,
    });
    if (!result.ok) {
      if (result.error === 'conflict') {
        const c = result.current;
        return { ok: false, message: t('updates.correct.conflict'), conflict: { version: c.version, figure: figureOf(c), note: c.note } };
      }
      if (result.error === 'not_found') return { ok: false, message: t('updates.errors.notFound') };
      const { fields, one } = await problemTranslator();
      // A flagged correction without its note: the note field says why, the flags stay in view.
      const warnings = result.warnings?.length ? { warnings: result.warnings.map(one) } : {};
      return { ok: false, message: t('updates.form.fixErrors'), errors: fields(result.errors), ...warnings };
    }
    return afterChange(db, result.update.id);
  },
});

/**
 * The data-quality flags of the figures being typed on the correction form, judged as the correction will judge
 * them (db/queries/updates/flag-preview.ts), for those who may correct; nothing is written.
 */
export const previewCorrectionFlagsAction = defineJsonAction({
  policy: 'progress.log',
  schema: correctionFlagPreviewSchema,
  invalidMessage: 'updates.form.fixErrors',
  body: async ({ db, input: f, t }) => {
    const result = await previewCorrectionFlags(db, {
      updateId: f.updateId,
      figures: { value: f.value, numerator: f.numerator, denominator: f.denominator, milestone: f.milestone },
    });
    const { fields, one } = await problemTranslator();
    if (!result.ok) return { ok: false, message: t('updates.form.fixErrors'), errors: fields(result.errors) };
    return { ok: true as const, flags: result.flags.map(one) };
  },
});

export const withdrawUpdateAction = defineAction({
  policy: 'progress.log',
  schema: withdrawSchema,
  invalidMessage: allFieldErrors,
  body: async ({ db, actor, input }) => {
    const result = await withdrawUpdate(db, { ...input, actorId: actor.id });
    if (!result.ok) return changeFailure(result);
    return afterChange(db, result.update.id);
  },
});

/** Asks for an approved (counted) update to be withdrawn; a reviewer other than the one asking decides. */
export const requestWithdrawalAction = defineAction({
  policy: 'progress.log',
  schema: withdrawSchema,
  invalidMessage: allFieldErrors,
  body: async ({ db, actor, input, t }) => {
    const result = await requestWithdrawal(db, { ...input, actorId: actor.id });
    if (!result.ok) return changeFailure(result);
    return { ok: true, message: t('updates.withdrawal.requested'), invalidate: [{ kind: 'progress', updateId: result.request.updateId }] };
  },
});

export const submitUpdateAction = defineAction({
  policy: 'progress.log',
  schema: submitSchema,
  invalidMessage: 'updates.errors.notFound',
  body: async ({ db, actor, input, t }) => {
    const result = await submitUpdate(db, { ...input, actorId: actor.id });
    if (!result.ok) return changeFailure(result);
    return { ok: true, message: t('updates.correct.submitted'), invalidate: [{ kind: 'progress' }] };
  },
});

/** Removes one evidence file from an update (audited); refused on approved or withdrawn updates and closed periods. */
export const removeEvidenceAction = defineAction({
  policy: 'progress.log',
  schema: removeEvidenceSchema,
  invalidMessage: 'updates.errors.notFound',
  body: async ({ db, actor, input, t }) => {
    const result = await removeEvidence(db, { fileId: input.fileId, actorId: actor.id });
    if (!result.ok) {
      if (result.error === 'not_found') return { ok: false, message: t('updates.errors.notFound') };
      const { fields } = await problemTranslator();
      return { ok: false, message: allFieldErrors(fields(result.errors) as Record<string, string[]>) };
    }
    return {
      ok: true,
      message: t('evidence.removed', { name: result.name }),
      invalidate: [{ kind: 'progress', indicatorCode: result.indicatorCode, updateId: result.updateId }],
    };
  },
});
