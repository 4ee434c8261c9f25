'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import type { RegistryFormState } from '@/types/forms';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** One field of a registry form, described on the server (labels already translated). */
export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'date' | 'number' | 'checkbox' | 'multiselect';
  options?: { value: string; label: string }[];
  required?: boolean;
  defaultValue?: string | string[];
  hint?: string;
  step?: string;
  maxLength?: number;
}

type Action = (state: RegistryFormState, formData: FormData) => Promise<RegistryFormState>;

function Field({ field, id, value, errors }: { field: FieldSpec; id: string; value: string | string[] | undefined; errors?: string[] }) {
  const describedBy = [errors?.length ? `${id}-error` : null, field.hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.name, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy };
  const single = Array.isArray(value) ? value[0] : value;
  const options = field.options?.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
  let control;
  switch (field.type) {
    case 'textarea':
      control = <textarea {...common} rows={3} defaultValue={single ?? ''} maxLength={field.maxLength} />;
      break;
    case 'select':
      control = (
        <select {...common} defaultValue={single ?? ''} required={field.required}>
          {field.required ? null : <option value="">—</option>}
          {options}
        </select>
      );
      break;
    case 'multiselect':
      control = (
        <select {...common} multiple size={Math.min(8, field.options?.length ?? 4)} defaultValue={Array.isArray(value) ? value : value ? [value] : []}>
          {options}
        </select>
      );
      break;
    case 'checkbox':
      return (
        <div className="field">
          <label>
            <input type="checkbox" {...common} defaultChecked={single === 'on' || single === 'true'} /> {field.label}
          </label>
          <FieldError id={`${id}-error`} errors={errors} />
        </div>
      );
    default:
      control = (
        <input
          {...common}
          type={field.type}
          step={field.step}
          required={field.required}
          maxLength={field.maxLength}
          defaultValue={single ?? ''}
        />
      );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      {control}
      {field.hint ? (
        <p className="muted" id={`${id}-hint`}>
          {field.hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/**
 * A registry's create or edit form: posts to a server action (which re-checks the role and validates), shows
 * field errors next to their fields, and asks for confirmation when a status change skips a stage.
 */
export function RegistryForm({
  action,
  fields,
  hidden,
  idPrefix,
  submitLabel,
  pendingLabel,
}: {
  action: Action;
  fields: FieldSpec[];
  hidden?: Record<string, string>;
  idPrefix: string;
  submitLabel: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate key={state.attempt ?? 0}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => (
        <Field
          key={field.name}
          field={field}
          id={`${idPrefix}-${field.name}`}
          value={state.values ? (state.values[field.name] ?? (field.type === 'multiselect' ? [] : '')) : field.defaultValue}
          errors={state.errors?.[field.name]}
        />
      ))}
      {state.confirm ? (
        <div className="field" role="group" aria-labelledby={`${idPrefix}-confirm-question`}>
          <p id={`${idPrefix}-confirm-question`} className="error-text">
            {state.confirm.question}
          </p>
          <label>
            <input type="checkbox" name="confirm" /> {state.confirm.label}
          </label>
        </div>
      ) : null}
      <FormMessage state={state} />
      <SubmitButton pending={pending} label={submitLabel} pendingLabel={pendingLabel} />
    </form>
  );
}
