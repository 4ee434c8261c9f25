'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { CopyField } from '@/components/ui/copy-field';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/types/action';

/** The answer of the action that makes a link: its path, in this one answer only (it is stored as a hash). */
export type CreateShareLinkState = FormState<{ path: string }>;

type Field = 'label' | 'year' | 'goalCode' | 'asOf' | 'days';

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
  const v = (field: Field) => {
    const value = state.ok ? undefined : state.values?.[field];
    return typeof value === 'string' ? value : undefined;
  };
  return (
    <form action={formAction} className="form" noValidate>
      <FormField id="share-label" label={t('label')} hint={t('labelHint')} errors={state.errors?.label}>
        {(aria) => <input {...aria} name="label" type="text" maxLength={120} required defaultValue={v('label')} />}
      </FormField>
      <FormField id="share-kind" label={t('kind')} errors={state.errors?.kind}>
        {(aria) => (
          <select {...aria} name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="report">{t('kinds.report')}</option>
            <option value="goal">{t('kinds.goal')}</option>
          </select>
        )}
      </FormField>
      <FormField id="share-year" label={t('year')} errors={state.errors?.year}>
        {(aria) => (
          <select {...aria} name="year" defaultValue={v('year') ?? (defaultYear ? String(defaultYear) : undefined)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {kind === 'goal' ? (
        <FormField id="share-goalCode" label={t('goal')} errors={state.errors?.goalCode}>
          {(aria) => (
            <select {...aria} name="goalCode" defaultValue={v('goalCode')}>
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
          )}
        </FormField>
      ) : null}
      <FormField id="share-asOf" label={t('asOf')} hint={t('asOfHint')} errors={state.errors?.asOf}>
        {(aria) => <input {...aria} name="asOf" type="date" required defaultValue={v('asOf') ?? defaultAsOf} />}
      </FormField>
      <FormField id="share-days" label={t('days')} hint={t('daysHint', { max: maxDays })} errors={state.errors?.days}>
        {(aria) => <input {...aria} name="days" type="number" min={1} max={maxDays} defaultValue={v('days') ?? 30} required />}
      </FormField>
      <FormMessage state={state} />
      {/* Only ever rendered after the action answered, in the browser: the origin is the page's own. */}
      {state.ok && state.path ? (
        <CopyField
          id="share-link-value"
          label={t('linkLabel')}
          value={`${typeof window === 'undefined' ? '' : window.location.origin}${state.path}`}
          note={t('linkOnce')}
        />
      ) : null}
      <button className="button" type="submit" disabled={pending}>
        {t('create')}
      </button>
    </form>
  );
}
