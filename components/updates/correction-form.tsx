'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { useActionState } from 'react';
import { singleValues } from '@/types/action';
import type { CorrectionState, FlagPreviewAnswer } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';
import { EvidenceInput } from './evidence-input';
import { FigureFields } from './figure-fields';
import { FlaggedNote, QualityFlags } from './quality-flags';
import { figuresOf, useLiveFlags } from './use-live-flags';

const flagInputs = new Set(['value', 'numerator', 'denominator', 'milestone']);

type Kind = 'count' | 'percent' | 'currency' | 'milestone';

/**
 * Correcting an update: new figures, note and evidence, and a required reason. When someone else changed it
 * meanwhile the server answers with their version: the editor sees both and either keeps theirs (back to the
 * indicator) or saves their own over it, now knowingly (the form then carries the newer version). The new
 * figures' data-quality flags show beside them as they are typed, as on the log form; a flagged correction needs a note.
 */
export function CorrectionForm({
  action,
  previewFlags,
  updateId,
  version,
  kind,
  unit,
  initial,
  indicatorHref,
  attached = 0,
}: {
  action: (state: CorrectionState, formData: FormData) => Promise<CorrectionState>;
  /** The data-quality flags of the figures being typed (the server's rule; nothing stored). */
  previewFlags: (input: unknown) => Promise<FlagPreviewAnswer>;
  updateId: number;
  version: number;
  kind: Kind;
  unit: string;
  initial: Record<string, string>;
  indicatorHref: string;
  /** How many evidence files the update has already (the limit counts them). */
  attached?: number;
}) {
  const t = useTranslations('updates.correct');
  const format = useFormatter();
  const [state, formAction, pending] = useActionState(action, {});
  const { formRef, live, onChange } = useLiveFlags((data) => previewFlags({ updateId, ...figuresOf(data) }), flagInputs, state);
  const flags = live ?? state.warnings ?? [];
  const values = singleValues(state.values) ?? initial;
  const errors = state.errors ?? {};
  const conflict = state.conflict;
  const theirs = conflict?.figure === null || conflict?.figure === undefined ? '—' : format.number(conflict.figure, { maximumFractionDigits: 2 });
  return (
    <form ref={formRef} action={formAction} onChange={onChange} className="form" noValidate>
      <input type="hidden" name="updateId" value={updateId} />
      <input type="hidden" name="version" value={conflict?.version ?? version} />
      <FigureFields idPrefix="fix" kind={kind} unit={unit} values={values} errors={errors} describedBy="fix-flags" />
      <QualityFlags id="fix-flags" flags={flags} />
      <FlaggedNote id="fix-note" flagged={flags.length > 0} label={t('note')} requiredLabel={t('noteRequired')} defaultValue={values.note} errors={errors.note} />
      <div className="field">
        <label htmlFor="fix-evidenceUrl">{t('evidenceUrl')}</label>
        <input id="fix-evidenceUrl" name="evidenceUrl" type="url" defaultValue={values.evidenceUrl} aria-invalid={errors.evidenceUrl?.length ? true : undefined} aria-describedby={errors.evidenceUrl?.length ? 'fix-evidenceUrl-error' : undefined} />
        <FieldError id="fix-evidenceUrl-error" errors={errors.evidenceUrl} />
      </div>
      <EvidenceInput idPrefix="fix" errors={errors.evidenceFiles} attached={attached} />
      <div className="field">
        <label htmlFor="fix-reason">{t('reason')}</label>
        <textarea id="fix-reason" name="reason" rows={2} maxLength={1000} required defaultValue={values.reason} aria-invalid={errors.reason?.length ? true : undefined} aria-describedby={errors.reason?.length ? 'fix-reason-error' : undefined} />
        <FieldError id="fix-reason-error" errors={errors.reason} />
      </div>
      <FieldError id="fix-form-error" errors={[...(errors.form ?? []), ...(errors.period ?? [])]} />
      <div aria-live="polite" aria-atomic="true" className="form-message">
        {state.message ? <p className="error-text">{state.message}</p> : null}
        {conflict ? (
          <div className="card" data-testid="conflict">
            <p>{t('conflictTheirs', { value: theirs, version: conflict.version })}</p>
            <p>{t('conflictYours', { value: values.value ?? values.numerator ?? values.milestone ?? '—' })}</p>
            <p>
              <Link href={indicatorHref}>{t('keepTheirs')}</Link>
            </p>
          </div>
        ) : null}
      </div>
      <div>
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('saving') : conflict ? t('saveMine') : t('save')}
        </button>
      </div>
    </form>
  );
}
