import type { CSSProperties, ReactNode } from 'react';
import type { FormState } from '@/types/action';

/**
 * The message of a server action's answer, the same on every form: announced politely, shown as an error for a
 * refusal (a database that could not be reached included) and plainly for a success. Field errors sit under
 * their fields (field-error.tsx); `children` adds what a particular form shows with the message. `role="status"`
 * also exposes the region as a status message, for forms that name it so.
 */
export function FormMessage({
  state,
  id,
  className = 'form-message',
  style,
  role,
  children,
}: {
  state: FormState;
  id?: string;
  className?: string;
  style?: CSSProperties;
  role?: 'status';
  children?: ReactNode;
}) {
  return (
    <div id={id} role={role} aria-live="polite" aria-atomic="true" className={className} style={style}>
      {state.message ? <p className={state.ok ? undefined : 'error-text'}>{state.message}</p> : null}
      {children}
    </div>
  );
}
