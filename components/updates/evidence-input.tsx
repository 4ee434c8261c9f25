'use client';

import { useTranslations } from 'next-intl';
import { useState, type ChangeEvent } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { acceptAttribute, EVIDENCE_FIELD, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '@/lib/evidence/rules';

/**
 * The evidence file input of the log and correction forms, with its limits stated beside it. What the browser
 * can tell (how many, how large, empty) is refused here at once, and the choice cleared, so a form never sends
 * what the server would refuse for that; the type is decided by the server from the content.
 */
export function EvidenceInput({ idPrefix, errors, attached = 0 }: { idPrefix: string; errors?: string[]; attached?: number }) {
  const t = useTranslations('evidence.input');
  const [local, setLocal] = useState<string[]>([]);
  const [chosen, setChosen] = useState(0);
  const id = `${idPrefix}-evidenceFiles`;
  const maxMb = MAX_EVIDENCE_BYTES / 1024 / 1024;
  const remaining = Math.max(0, MAX_EVIDENCE_FILES - attached);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    const problems: string[] = [];
    if (files.length > remaining) problems.push(t('tooMany', { max: MAX_EVIDENCE_FILES, attached }));
    for (const f of files) {
      if (f.size > MAX_EVIDENCE_BYTES) problems.push(t('tooLarge', { name: f.name, maxMb }));
      else if (f.size === 0) problems.push(t('empty', { name: f.name }));
    }
    if (problems.length) event.currentTarget.value = '';
    setLocal(problems);
    setChosen(problems.length ? 0 : files.length);
  };
  const shown = local.length ? local : errors?.length ? [...errors, t('reselect')] : [];
  const invalid = shown.length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{t('label')}</label>
      <p className="muted" id={`${id}-hint`}>
        {t('hint', { max: MAX_EVIDENCE_FILES, maxMb })}
      </p>
      <input
        id={id}
        name={EVIDENCE_FIELD}
        type="file"
        multiple
        accept={acceptAttribute}
        onChange={onChange}
        disabled={remaining === 0}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
      />
      <p className="muted" aria-live="polite">
        {t('chosen', { count: chosen })}
      </p>
      <FieldError id={`${id}-error`} errors={shown} />
    </div>
  );
}
