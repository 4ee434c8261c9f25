'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { UserActionState } from '@/types/forms';
import { FormField } from '@/components/ui/form-field';
import { roles } from '@/lib/auth/policy';
import { OneTimeLink } from './one-time-link';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';


/** Creates a user without a password; on success shows the one-time set-password link to pass on. */
export function AddUserForm({
  action,
}: {
  action: (state: UserActionState, formData: FormData) => Promise<UserActionState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate>
      <FormField id="add-user-email" label={t('admin.users.add.email')} errors={state.errors?.email}>
        {(aria) => (
          <input {...aria} name="email" type="email" autoComplete="off" required maxLength={320} defaultValue={state.values?.email as string | undefined} />
        )}
      </FormField>
      <FormField id="add-user-name" label={t('admin.users.add.name')} errors={state.errors?.name}>
        {(aria) => (
          <input {...aria} name="name" type="text" autoComplete="off" required maxLength={120} defaultValue={state.values?.name as string | undefined} />
        )}
      </FormField>
      <FormField id="add-user-role" label={t('admin.users.add.role')} errors={state.errors?.role}>
        {(aria) => (
          <select {...aria} name="role" required defaultValue={(state.values?.role as string | undefined) ?? 'staff'}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`auth.roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormMessage state={state}>
        {state.ok && state.link ? (
          <OneTimeLink name={state.subject ?? ''} url={state.link.url} expires={state.link.expires} />
        ) : null}
      </FormMessage>
      <SubmitButton pending={pending} label={t('admin.users.add.submit')} pendingLabel={t('admin.users.add.submitting')} />
    </form>
  );
}
