'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { SignInState } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';

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
          <div className="field">
            <label htmlFor="code">{t('code')}</label>
            <input
              id="code"
              name="code"
              type="text"
              inputMode="text"
              autoComplete="one-time-code"
              autoFocus
              required
              aria-invalid={state.errors?.code ? true : undefined}
              aria-describedby={`code-hint${state.errors?.code ? ' code-error' : ''}`}
            />
            <p id="code-hint" className="muted">
              {t('codeHint')}
            </p>
            <FieldError id="code-error" errors={state.errors?.code} />
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="email">{t('email')}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              defaultValue={state.email}
              aria-invalid={state.errors?.email ? true : undefined}
              aria-describedby={state.errors?.email ? 'email-error' : undefined}
            />
            <FieldError id="email-error" errors={state.errors?.email} />
          </div>
          <div className="field">
            <label htmlFor="password">{t('password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={state.errors?.password ? true : undefined}
              aria-describedby={state.errors?.password ? 'password-error' : undefined}
            />
            <FieldError id="password-error" errors={state.errors?.password} />
          </div>
        </>
      )}
      <div id="sign-in-message" aria-live="polite" className="form-message">
        {state.message ? <p className="error-text">{state.message}</p> : null}
      </div>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? t('signingIn') : codeStep ? t('verify') : t('signIn')}
      </button>
    </form>
  );
}
