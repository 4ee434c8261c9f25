'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/types/action';

/** The answer of the action that makes a token: the new token, in this one answer only (it is stored as a hash). */
export type CreateTokenState = FormState<{ token: string }>;

/** Makes a personal access token and shows it once, in a read-only field to copy from. */
export function CreateTokenForm({
  action,
  canWrite,
}: {
  action: (state: CreateTokenState, formData: FormData) => Promise<CreateTokenState>;
  canWrite: boolean;
}) {
  const t = useTranslations('api.tokens');
  const [state, formAction, pending] = useActionState<CreateTokenState, FormData>(action, {});
  const invalid = (field: 'name' | 'scope' | 'days') =>
    state.errors?.[field] ? { 'aria-invalid': true, 'aria-describedby': `token-${field}-error` } : { 'aria-describedby': `token-${field}-hint` };
  return (
    <form action={formAction} className="form" noValidate>
      <div className="field">
        <label htmlFor="token-name">{t('name')}</label>
        <input id="token-name" name="name" type="text" maxLength={80} required {...invalid('name')} />
        <p id="token-name-hint" className="muted">
          {t('nameHint')}
        </p>
        <FieldError id="token-name-error" errors={state.errors?.name} />
      </div>
      <div className="field">
        <label htmlFor="token-scope">{t('scope')}</label>
        <select id="token-scope" name="scope" defaultValue="read" {...invalid('scope')}>
          <option value="read">{t('scopeRead')}</option>
          {canWrite ? <option value="write">{t('scopeWrite')}</option> : null}
        </select>
        <FieldError id="token-scope-error" errors={state.errors?.scope} />
      </div>
      <div className="field">
        <label htmlFor="token-days">{t('days')}</label>
        <input id="token-days" name="days" type="number" min={1} max={365} defaultValue={90} required {...invalid('days')} />
        <p id="token-days-hint" className="muted">
          {t('daysHint')}
        </p>
        <FieldError id="token-days-error" errors={state.errors?.days} />
      </div>
      <FormMessage state={state} />
      {state.ok && state.token ? (
        <div className="field">
          <label htmlFor="token-value">{t('tokenLabel')}</label>
          <input id="token-value" type="text" readOnly value={state.token} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      <button className="button" type="submit" disabled={pending}>
        {t('create')}
      </button>
    </form>
  );
}
