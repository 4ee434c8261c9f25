'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import type { SdgChoiceGroup } from '@/lib/sdg';
import type { FormState } from '@/types/action';

/** Longest target text shown in a choice; the whole text is the choice's title. */
const CHOICE_TEXT = 110;
const short = (text: string) => (text.length > CHOICE_TEXT ? `${text.slice(0, CHOICE_TEXT - 1)}…` : text);

/**
 * The SDG tags of a goal or an indicator: one list of every goal and target, grouped by goal, several chosen.
 * A native multiple select: keyboard-operable and announced by screen readers without any script of ours.
 */
export function SdgTagsForm({
  action,
  entity,
  id,
  selected,
  groups,
  idPrefix,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  entity: 'goal' | 'indicator';
  id: number;
  selected: readonly string[];
  groups: SdgChoiceGroup[];
  /** Makes the ids unique where several forms share a page (one per goal). */
  idPrefix: string;
}) {
  const t = useTranslations('sdg');
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const posted = state.ok === false && Array.isArray(state.values?.tags) ? state.values.tags : undefined;
  const fieldId = `${idPrefix}-sdg`;
  const errors = state.errors?.tags;
  return (
    <form action={formAction} className="form" data-sdg-form={`${entity}-${id}`}>
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label htmlFor={fieldId}>{t('formLabel')}</label>
        <p id={`${fieldId}-hint`} className="muted">
          {t('formHint')}
        </p>
        <select
          id={fieldId}
          name="tags"
          multiple
          size={12}
          defaultValue={[...(posted ?? selected)]}
          aria-describedby={errors?.length ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
          aria-invalid={errors?.length ? true : undefined}
        >
          {groups.map((g) => (
            <optgroup key={g.code} label={t('goalGroup', { code: g.code, title: g.title })}>
              <option value={g.code}>{t('goalChoice', { code: g.code })}</option>
              {g.targets.map((target) => (
                <option key={target.code} value={target.code} title={target.text} lang={target.lang}>
                  {t('targetChoice', { code: target.code, text: short(target.text) })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldError id={`${fieldId}-error`} errors={errors} />
      </div>
      <FormMessage state={state} />
      <button className="button" type="submit" disabled={pending}>
        {t('save')}
      </button>
    </form>
  );
}
