'use client';

import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { SetPasswordState } from '@/types/forms';
import { PasswordFields } from './password-fields';

export function SetPasswordForm({
  action,
  token,
}: {
  action: (state: SetPasswordState, formData: FormData) => Promise<SetPasswordState>;
  token: string;
}) {
  const t = useTranslations('setPassword');
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) {
    return (
      <div role="status">
        <p>{state.message}</p>
        <Link className="button" href="/sign-in">
          {t('goToSignIn')}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="token" value={token} />
      <PasswordFields newLabel={t('newPassword')} confirmLabel={t('confirmPassword')} errors={state.errors} />
      <div aria-live="polite" className="form-message">
        {state.message ? <p className="error-text">{state.message}</p> : null}
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? t('saving') : t('submit')}
      </button>
    </form>
  );
}
