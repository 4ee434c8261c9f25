import type { ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';

/** A labelled field whose errors are announced and tied to the input (aria-describedby). */
export function FormField({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': described || undefined })}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
