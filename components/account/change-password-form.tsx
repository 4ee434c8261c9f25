'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ChangePasswordState } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';
import { PasswordFields } from './password-fields';

export function ChangePasswordForm({
  action,
}: {
  action: (state: ChangePasswordState, formData: FormData) => Promise<ChangePasswordState>;
}) {
  const t = useTranslations('account');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate>
      <div className="field">
        <label htmlFor="current">{t('currentPassword')}</label>
        <input
          id="current"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.errors?.current ? true : undefined}
          aria-describedby={state.errors?.current ? 'current-error' : undefined}
        />
        <FieldError id="current-error" errors={state.errors?.current} />
      </div>
      <PasswordFields newLabel={t('newPassword')} confirmLabel={t('confirmPassword')} errors={state.errors} />
      <div aria-live="polite" className="form-message">
        {state.message ? <p>{state.message}</p> : null}
      </div>
      <button className="button" type="submit" disabled={pending}>
        {t('changePassword')}
      </button>
    </form>
  );
}
