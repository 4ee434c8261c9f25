'use client';

import { useActionState, type ReactNode } from 'react';
import type { PlanFormAction, PlanFormState } from '@/types/forms';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/**
 * Building blocks of the /plans forms: a field with its label and its errors (tied by aria-describedby and
 * refilled from the submitted values after an error), and the message area with the submit button.
 */

export function usePlanForm(action: PlanFormAction) {
  return useActionState(action, {} as PlanFormState);
}

interface FieldProps {
  /** Unique on the page: several forms of the same kind can be on one page. */
  idPrefix: string;
  name: string;
  label: string;
  state: PlanFormState;
  defaultValue?: string | number | null;
  type?: 'text' | 'date' | 'number' | 'textarea';
  required?: boolean;
  hint?: string;
  maxLength?: number;
}

/** The submitted value after an error, else the record's. */
function refill(state: PlanFormState, name: string, defaultValue: string | number | null | undefined) {
  return state.values?.[name] ?? (defaultValue === null || defaultValue === undefined ? '' : String(defaultValue));
}

export function PlanField({ idPrefix, name, label, state, defaultValue, type = 'text', required, hint, maxLength }: FieldProps) {
  const common = { name, required, maxLength, defaultValue: refill(state, name, defaultValue) };
  return (
    <FormField id={`${idPrefix}-${name}`} label={label} errors={state.errors?.[name]} hint={hint}>
      {(aria) =>
        type === 'textarea' ? (
          <textarea rows={3} {...common} {...aria} />
        ) : (
          <input type={type === 'number' ? 'text' : type} inputMode={type === 'number' ? 'decimal' : undefined} {...common} {...aria} />
        )
      }
    </FormField>
  );
}

export function PlanSelect({
  idPrefix,
  name,
  label,
  state,
  defaultValue,
  options,
  disabled,
  hint,
}: Omit<FieldProps, 'type' | 'maxLength'> & { options: { value: string; label: string }[]; disabled?: boolean }) {
  return (
    <FormField id={`${idPrefix}-${name}`} label={label} errors={state.errors?.[name]} hint={hint}>
      {(aria) => (
        <>
          <select name={name} defaultValue={refill(state, name, defaultValue)} disabled={disabled} {...aria}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {/* A disabled select is not submitted: keep its value in the form. */}
          {disabled ? <input type="hidden" name={name} value={String(defaultValue ?? '')} /> : null}
        </>
      )}
    </FormField>
  );
}

export function FormFooter({ state, pending, label, pendingLabel }: { state: PlanFormState; pending: boolean; label: string; pendingLabel: string }) {
  return (
    <>
      <FormMessage state={state}>
        {state.notes?.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </FormMessage>
      <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} />
    </>
  );
}

/**
 * A /plans form: its hidden ids, its fields (each given the id prefix and the state it reads, `f`), then the
 * message and the submit button.
 */
export function PlanForm({
  action,
  idPrefix,
  hidden = {},
  label,
  pendingLabel,
  children,
}: {
  action: PlanFormAction;
  idPrefix: string;
  hidden?: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  children: (f: { idPrefix: string; state: PlanFormState }) => ReactNode;
}) {
  const [state, formAction, pending] = usePlanForm(action);
  return (
    <form action={formAction} className="form" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children({ idPrefix, state })}
      <FormFooter state={state} pending={pending} label={label} pendingLabel={pendingLabel} />
    </form>
  );
}

/** A one-button form on a row (move up, move down, retire), its result announced beside it. */
export function RowActionForm({
  action,
  id,
  hidden,
  label,
  children,
  confirm,
}: {
  action: PlanFormAction;
  id: number;
  hidden?: Record<string, string>;
  label: string;
  children: ReactNode;
  /** Asked before submitting (with JavaScript), for retiring. */
  confirm?: string;
}) {
  const [state, formAction, pending] = usePlanForm(action);
  return (
    <form
      action={formAction}
      style={{ display: 'inline-flex', gap: '0.3rem', alignItems: 'center' }}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className="button" type="submit" aria-label={label} title={label} disabled={pending}>
        {children}
      </button>
      <span aria-live="polite" className={state.ok === false ? 'error-text' : 'muted'}>
        {state.ok === false ? state.message : null}
      </span>
    </form>
  );
}
