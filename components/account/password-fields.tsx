'use client';

import { FieldError } from '@/components/ui/field-error';

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
      <div className="field">
        <label htmlFor="password">{newLabel}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-invalid={errors?.password ? true : undefined}
          aria-describedby={errors?.password ? 'password-error' : undefined}
        />
        <FieldError id="password-error" errors={errors?.password} />
      </div>
      <div className="field">
        <label htmlFor="confirm">{confirmLabel}</label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors?.confirm ? true : undefined}
          aria-describedby={errors?.confirm ? 'confirm-error' : undefined}
        />
        <FieldError id="confirm-error" errors={errors?.confirm} />
      </div>
    </>
  );
}
