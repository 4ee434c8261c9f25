'use client';

import { FormField } from '@/components/ui/form-field';

/** The new-password pair used by set-password and change-password forms. */
export function PasswordFields({
  newLabel,
  confirmLabel,
  errors,
}: {
  newLabel: string;
  confirmLabel: string;
  errors?: { password?: string[]; confirm?: string[] };
}) {
  return (
    <>
      <FormField id="password" label={newLabel} errors={errors?.password}>
        {(aria) => <input {...aria} name="password" type="password" autoComplete="new-password" required minLength={12} />}
      </FormField>
      <FormField id="confirm" label={confirmLabel} errors={errors?.confirm}>
        {(aria) => <input {...aria} name="confirm" type="password" autoComplete="new-password" required />}
      </FormField>
    </>
  );
}
