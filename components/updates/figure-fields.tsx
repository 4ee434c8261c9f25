'use client';

import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';

type Kind = 'count' | 'percent' | 'currency' | 'milestone';
type FigureField = 'value' | 'numerator' | 'denominator' | 'milestone';

/**
 * The figure inputs of an update, by value kind: a number, a currency amount, reached yes/no, or numerator and
 * denominator for a percent. Text inputs with inputMode, so the server's messages (not the browser's) explain
 * a wrong entry, and the typed text comes back unchanged after an error.
 */
export function FigureFields({
  idPrefix,
  kind,
  unit,
  values,
  errors,
  describedBy,
}: {
  idPrefix: string;
  kind: Kind;
  unit: string;
  values?: Record<string, string>;
  errors?: Partial<Record<FigureField, string[]>>;
  /** Extra description ids (the previous value and target beside the field). */
  describedBy?: string;
}) {
  const t = useTranslations('updates.form');
  const props = (field: FigureField) => {
    const hasError = Boolean(errors?.[field]?.length);
    const ids = [hasError ? `${idPrefix}-${field}-error` : null, describedBy].filter(Boolean).join(' ');
    return {
      id: `${idPrefix}-${field}`,
      name: field,
      'aria-invalid': hasError || undefined,
      'aria-describedby': ids || undefined,
    };
  };
  if (kind === 'milestone') {
    return (
      <fieldset className="field" aria-describedby={props('milestone')['aria-describedby']}>
        <legend>{t('milestone')}</legend>
        <label className="checkbox">
          <input type="radio" name="milestone" value="yes" defaultChecked={values?.milestone === 'yes'} /> {t('milestoneYes')}
        </label>
        <label className="checkbox">
          <input type="radio" name="milestone" value="no" defaultChecked={values?.milestone === 'no'} /> {t('milestoneNo')}
        </label>
        <FieldError id={`${idPrefix}-milestone-error`} errors={errors?.milestone} />
      </fieldset>
    );
  }
  if (kind === 'percent') {
    return (
      <>
        {(['numerator', 'denominator'] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${idPrefix}-${field}`}>{t(field)}</label>
            <input type="text" inputMode="decimal" autoComplete="off" defaultValue={values?.[field]} {...props(field)} />
            <FieldError id={`${idPrefix}-${field}-error`} errors={errors?.[field]} />
          </div>
        ))}
      </>
    );
  }
  return (
    <div className="field">
      <label htmlFor={`${idPrefix}-value`}>{kind === 'currency' ? t('amount', { unit }) : t('value', { unit })}</label>
      <input
        type="text"
        inputMode={kind === 'count' ? 'numeric' : 'decimal'}
        autoComplete="off"
        defaultValue={values?.value}
        {...props('value')}
      />
      <FieldError id={`${idPrefix}-value-error`} errors={errors?.value} />
    </div>
  );
}
