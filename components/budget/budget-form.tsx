'use client';

import { useActionState, useId } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { singleValues } from '@/types/action';
import type { BudgetFormState } from '@/types/budget';

/**
 * One form of the budget (a line, a revision, an expenditure, a correction, a void), described by its fields.
 * Errors are announced and tied to their input; after a refusal the typed values come back. The words (labels,
 * options) come from the page, already translated.
 */

export type { BudgetFormState };

export interface BudgetField {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'select' | 'textarea' | 'url';
  options?: { value: string; label: string }[];
  defaultValue?: string;
  required?: boolean;
  help?: string;
  inputMode?: 'decimal' | 'text';
}

export function BudgetForm({
  action,
  fields,
  hidden,
  submitLabel,
  testId,
}: {
  action: (state: BudgetFormState, formData: FormData) => Promise<BudgetFormState>;
  fields: BudgetField[];
  hidden: Record<string, string>;
  submitLabel: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const prefix = useId();
  // After a success the form shows its defaults again (a fresh entry); after a refusal, what was typed. React
  // resets a form once its action has run, so each answer remounts the form with the values it should show.
  const values = state.ok ? {} : (singleValues(state.values) ?? {});
  return (
    <div data-testid={testId}>
    <form action={formAction} className="form" key={state.attempt ?? 'form'}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const id = `${prefix}-${f.name}`;
        const errorId = `${id}-error`;
        const errors = state.errors?.[f.name];
        const common = {
          id,
          name: f.name,
          defaultValue: values[f.name] ?? f.defaultValue ?? '',
          required: f.required,
          'aria-invalid': errors ? true : undefined,
          'aria-describedby': [f.help ? `${id}-help` : null, errorId].filter(Boolean).join(' '),
        };
        return (
          <div className="field" key={f.name}>
            <label htmlFor={id}>{f.label}</label>
            {f.type === 'select' ? (
              <select {...common}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.type === 'textarea' ? (
              <textarea {...common} rows={3} />
            ) : (
              <input {...common} type={f.type ?? 'text'} inputMode={f.inputMode} />
            )}
            {f.help ? (
              <p className="muted" id={`${id}-help`}>
                {f.help}
              </p>
            ) : null}
            <FieldError id={errorId} errors={errors} />
          </div>
        );
      })}
      <div>
        <button className="button" type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
    {/* Outside the remounted form, so that screen readers hear each new message in the same live region. */}
    <FormMessage state={state} role="status" />
    </div>
  );
}
