'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/types/action';

/** The answer of the action that makes a link: its path, in this one answer only (it is stored as a hash). */
export type CreateShareLinkState = FormState<{ path: string }>;

type Field = 'label' | 'kind' | 'year' | 'goalCode' | 'asOf' | 'days';

/** Makes a read-only share link and shows it once, in a read-only field to copy from. */
export function ShareLinkForm({
  action,
  years,
  goals,
  defaultYear,
  defaultAsOf,
  maxDays,
}: {
  action: (state: CreateShareLinkState, formData: FormData) => Promise<CreateShareLinkState>;
  years: number[];
  goals: { year: number; code: string; title: string }[];
  defaultYear?: number;
  defaultAsOf?: string;
  maxDays: number;
}) {
  const t = useTranslations('share');
  const [state, formAction, pending] = useActionState<CreateShareLinkState, FormData>(action, {});
  const [kind, setKind] = useState('report');
  const aria = (field: Field, hint = false) =>
    state.errors?.[field]
      ? { 'aria-invalid': true as const, 'aria-describedby': `share-${field}-error` }
      : hint
        ? { 'aria-describedby': `share-${field}-hint` }
        : {};
  const v = (field: Field) => {
    const value = state.ok ? undefined : state.values?.[field];
    return typeof value === 'string' ? value : undefined;
  };
  return (
    <form action={formAction} className="form" noValidate>
      <div className="field">
        <label htmlFor="share-label">{t('label')}</label>
        <input id="share-label" name="label" type="text" maxLength={120} required defaultValue={v('label')} {...aria('label', true)} />
        <p id="share-label-hint" className="muted">
          {t('labelHint')}
        </p>
        <FieldError id="share-label-error" errors={state.errors?.label} />
      </div>
      <div className="field">
        <label htmlFor="share-kind">{t('kind')}</label>
        <select id="share-kind" name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)} {...aria('kind')}>
          <option value="report">{t('kinds.report')}</option>
          <option value="goal">{t('kinds.goal')}</option>
        </select>
        <FieldError id="share-kind-error" errors={state.errors?.kind} />
      </div>
      <div className="field">
        <label htmlFor="share-year">{t('year')}</label>
        <select id="share-year" name="year" defaultValue={v('year') ?? (defaultYear ? String(defaultYear) : undefined)} {...aria('year')}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <FieldError id="share-year-error" errors={state.errors?.year} />
      </div>
      {kind === 'goal' ? (
        <div className="field">
          <label htmlFor="share-goal">{t('goal')}</label>
          <select id="share-goal" name="goalCode" defaultValue={v('goalCode')} {...aria('goalCode')}>
            {years.map((y) => (
              <optgroup key={y} label={String(y)}>
                {goals
                  .filter((g) => g.year === y)
                  .map((g) => (
                    <option key={`${y}-${g.code}`} value={g.code}>
                      {g.code} · {g.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <FieldError id="share-goalCode-error" errors={state.errors?.goalCode} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="share-asOf">{t('asOf')}</label>
        <input id="share-asOf" name="asOf" type="date" required defaultValue={v('asOf') ?? defaultAsOf} {...aria('asOf', true)} />
        <p id="share-asOf-hint" className="muted">
          {t('asOfHint')}
        </p>
        <FieldError id="share-asOf-error" errors={state.errors?.asOf} />
      </div>
      <div className="field">
        <label htmlFor="share-days">{t('days')}</label>
        <input id="share-days" name="days" type="number" min={1} max={maxDays} defaultValue={v('days') ?? 30} required {...aria('days', true)} />
        <p id="share-days-hint" className="muted">
          {t('daysHint', { max: maxDays })}
        </p>
        <FieldError id="share-days-error" errors={state.errors?.days} />
      </div>
      <FormMessage state={state} />
      {/* Only ever rendered after the action answered, in the browser: the origin is the page's own. */}
      {state.ok && state.path ? (
        <div className="field">
          <label htmlFor="share-link-value">{t('linkLabel')}</label>
          <input id="share-link-value" type="text" readOnly value={`${typeof window === 'undefined' ? '' : window.location.origin}${state.path}`} onFocus={(e) => e.currentTarget.select()} />
          <p className="muted">{t('linkOnce')}</p>
        </div>
      ) : null}
      <button className="button" type="submit" disabled={pending}>
        {t('create')}
      </button>
    </form>
  );
}
