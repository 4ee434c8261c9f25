'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useState, type ReactNode } from 'react';
import type { TwoFactorCodeState } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';
import { TwoFactorRecoveryCodes } from './two-factor-recovery-codes';

/**
 * One code field and a button: confirms set-up, regenerates recovery codes or turns two-factor off. When the
 * action answers with recovery codes, they replace the form together with `before` and `after` until the user
 * says they saved them; then the page is refreshed (or, when set-up was required, `continueHref` follows).
 */
export function TwoFactorCodeForm({
  action,
  id,
  label,
  hint,
  submitLabel,
  allowRecoveryCode = false,
  continueHref,
  before,
  after,
}: {
  action: (state: TwoFactorCodeState, formData: FormData) => Promise<TwoFactorCodeState>;
  /** Prefix for element ids, unique on the page. */
  id: string;
  label: string;
  hint?: string;
  submitLabel: string;
  /** Recovery codes contain letters, so the field must not ask for a numeric keyboard. */
  allowRecoveryCode?: boolean;
  continueHref?: string;
  /** Shown above and below the form until recovery codes replace it (the QR code, "start over"). */
  before?: ReactNode;
  after?: ReactNode;
}) {
  const t = useTranslations('twoFactor');
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, {});
  // A refresh keeps this component's state, so remember which answer's codes were dismissed.
  const [dismissed, setDismissed] = useState<TwoFactorCodeState | null>(null);
  if (state.recoveryCodes && state !== dismissed) {
    const done = () => {
      setDismissed(state);
      if (continueHref) router.push(continueHref);
      else router.refresh();
    };
    return <TwoFactorRecoveryCodes codes={state.recoveryCodes} onDone={done} />;
  }
  const describedBy = [hint ? `${id}-hint` : null, state.errors?.code ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <>
      {before}
      <form action={formAction} className="form" noValidate>
        <div className="field">
          <label htmlFor={`${id}-code`}>{label}</label>
          {hint ? (
            <span id={`${id}-hint`} className="muted">
              {hint}
            </span>
          ) : null}
          <input
            id={`${id}-code`}
            name="code"
            type="text"
            inputMode={allowRecoveryCode ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
            required
            aria-invalid={state.errors?.code ? true : undefined}
            aria-describedby={describedBy || undefined}
          />
          <FieldError id={`${id}-error`} errors={state.errors?.code} />
        </div>
        <div aria-live="polite" className="form-message">
          {state.message ? <p className={state.done ? undefined : 'error-text'}>{state.message}</p> : null}
        </div>
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('working') : submitLabel}
        </button>
      </form>
      {after}
    </>
  );
}
