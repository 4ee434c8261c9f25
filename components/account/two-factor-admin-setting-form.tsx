'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { AdminSettingsState } from '@/types/forms';

export function TwoFactorAdminSettingForm({
  action,
  required,
}: {
  action: (state: AdminSettingsState, formData: FormData) => Promise<AdminSettingsState>;
  required: boolean;
}) {
  const t = useTranslations('adminSettings');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form">
      <div className="field">
        <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
          <input
            type="checkbox"
            name="requireAdmin2fa"
            value="on"
            defaultChecked={state.requireAdmin2fa ?? required}
            aria-describedby="require-admin-2fa-hint"
          />
          {t('requireAdmin2fa')}
        </label>
        <span id="require-admin-2fa-hint" className="muted">
          {t('requireAdmin2faHint')}
        </span>
      </div>
      <div aria-live="polite" className="form-message">
        {state.message ? <p>{state.message}</p> : null}
      </div>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? t('saving') : t('save')}
      </button>
    </form>
  );
}
