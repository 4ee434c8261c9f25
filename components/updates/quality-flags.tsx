'use client';

import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';

/**
 * The data-quality flags of a value, beside its field: what looks unusual and that a note saying why settles it.
 * The region is always rendered, so a screen reader announces the flags when they appear as the value is typed.
 */
export function QualityFlags({ id, flags, confirm = false }: { id: string; flags: readonly string[]; confirm?: boolean }) {
  const t = useTranslations('updates.form');
  return (
    <div id={id} aria-live="polite" aria-atomic="true" data-testid="quality-flags">
      {flags.length > 0 ? (
        <div className="card">
          <p className="error-text">{t('warningsTitle')}</p>
          <ul data-flags>
            {flags.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          <p className="muted">{t(confirm ? 'flagNoteHint' : 'flagNoteOnly')}</p>
        </div>
      ) : null}
    </div>
  );
}

/** The note a flagged value asks for: the label says it is required, and so does the field, while there are flags. */
export function FlaggedNote({ id, flagged, label, requiredLabel, defaultValue, errors }: {
  id: string;
  flagged: boolean;
  label: string;
  requiredLabel: string;
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{flagged ? requiredLabel : label}</label>
      <textarea
        id={id}
        name="note"
        rows={3}
        maxLength={2000}
        defaultValue={defaultValue}
        aria-required={flagged || undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
