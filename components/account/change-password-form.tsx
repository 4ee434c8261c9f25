'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ChangePasswordState } from '@/types/forms';
import { FormField } from '@/components/ui/form-field';
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
      <FormField id="current" label={t('currentPassword')} errors={state.errors?.current}>
        {(aria) => <input {...aria} name="current" type="password" autoComplete="current-password" required />}
      </FormField>
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
