'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CopyField } from '@/components/ui/copy-field';
import { FormField } from '@/components/ui/form-field';
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
  return (
    <form action={formAction} className="form" noValidate>
      <FormField id="token-name" label={t('name')} hint={t('nameHint')} errors={state.errors?.name}>
        {(aria) => <input {...aria} name="name" type="text" maxLength={80} required />}
      </FormField>
      <FormField id="token-scope" label={t('scope')} errors={state.errors?.scope}>
        {(aria) => (
          <select {...aria} name="scope" defaultValue="read">
            <option value="read">{t('scopeRead')}</option>
            {canWrite ? <option value="write">{t('scopeWrite')}</option> : null}
          </select>
        )}
      </FormField>
      <FormField id="token-days" label={t('days')} hint={t('daysHint')} errors={state.errors?.days}>
        {(aria) => <input {...aria} name="days" type="number" min={1} max={365} defaultValue={90} required />}
      </FormField>
      <FormMessage state={state} />
      {state.ok && state.token ? <CopyField id="token-value" label={t('tokenLabel')} value={state.token} /> : null}
      <button className="button" type="submit" disabled={pending}>
        {t('create')}
      </button>
    </form>
  );
}
