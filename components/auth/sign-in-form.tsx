'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { SignInState } from '@/types/forms';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';

type Action = (state: SignInState, formData: FormData) => Promise<SignInState>;

/** Email and password; then, for accounts with two-factor sign-in, the code. Messages are announced. */
export function SignInForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(action, {});
  const codeStep = state.step === 'code';
  return (
    <form action={formAction} className="form" noValidate aria-describedby={state.message ? 'sign-in-message' : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {codeStep ? (
        <>
          <h2>{t('codeTitle')}</h2>
          <input type="hidden" name="email" value={state.email ?? ''} />
          <FormField id="code" label={t('code')} hint={t('codeHint')} errors={state.errors?.code}>
            {(aria) => <input name="code" type="text" inputMode="text" autoComplete="one-time-code" autoFocus required {...aria} />}
          </FormField>
        </>
      ) : (
        <>
          <FormField id="email" label={t('email')} errors={state.errors?.email}>
            {(aria) => <input name="email" type="email" autoComplete="username" required defaultValue={state.email} {...aria} />}
          </FormField>
          <FormField id="password" label={t('password')} errors={state.errors?.password}>
            {(aria) => <input name="password" type="password" autoComplete="current-password" required {...aria} />}
          </FormField>
        </>
      )}
      <FormMessage id="sign-in-message" state={state} />
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? t('signingIn') : codeStep ? t('verify') : t('signIn')}
      </button>
    </form>
  );
}
