'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { UserActionState } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';
import { roles } from '@/lib/auth/policy';
import { OneTimeLink } from './one-time-link';
import { FormMessage } from '@/components/ui/form-message';

type Field = 'email' | 'name' | 'role';

/** Creates a user without a password; on success shows the one-time set-password link to pass on. */
export function AddUserForm({
  action,
}: {
  action: (state: UserActionState, formData: FormData) => Promise<UserActionState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const invalid = (field: Field) => (state.errors?.[field]?.length ? true : undefined);
  const describedBy = (field: Field) => (state.errors?.[field]?.length ? `add-user-${field}-error` : undefined);
  return (
    <form action={formAction} className="form" noValidate>
      <div className="field">
        <label htmlFor="add-user-email">{t('admin.users.add.email')}</label>
        <input
          id="add-user-email"
          name="email"
          type="email"
          autoComplete="off"
          required
          maxLength={320}
          defaultValue={state.values?.email as string | undefined}
          aria-invalid={invalid('email')}
          aria-describedby={describedBy('email')}
        />
        <FieldError id="add-user-email-error" errors={state.errors?.email} />
      </div>
      <div className="field">
        <label htmlFor="add-user-name">{t('admin.users.add.name')}</label>
        <input
          id="add-user-name"
          name="name"
          type="text"
          autoComplete="off"
          required
          maxLength={120}
          defaultValue={state.values?.name as string | undefined}
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name')}
        />
        <FieldError id="add-user-name-error" errors={state.errors?.name} />
      </div>
      <div className="field">
        <label htmlFor="add-user-role">{t('admin.users.add.role')}</label>
        <select
          id="add-user-role"
          name="role"
          required
          defaultValue={(state.values?.role as string | undefined) ?? 'staff'}
          aria-invalid={invalid('role')}
          aria-describedby={describedBy('role')}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`auth.roles.${role}`)}
            </option>
          ))}
        </select>
        <FieldError id="add-user-role-error" errors={state.errors?.role} />
      </div>
      <FormMessage state={state}>
        {state.ok && state.link ? (
          <OneTimeLink name={state.subject ?? ''} url={state.link.url} expires={state.link.expires} />
        ) : null}
      </FormMessage>
      <div>
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('admin.users.add.submitting') : t('admin.users.add.submit')}
        </button>
      </div>
    </form>
  );
}
