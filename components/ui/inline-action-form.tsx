'use client';

import { useActionState, type ReactNode } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/types/action';

/**
 * One action on one row (approve, archive, disable, lock…): hidden fields and any visible ones given as
 * children, posted to a server action whose answer is announced beside the button. Works without JavaScript.
 */
export function InlineActionForm<S extends FormState>({
  action,
  hidden,
  label,
  pendingLabel,
  children,
  className,
  outcome,
}: {
  action: (state: S, formData: FormData) => Promise<S>;
  hidden: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  children?: ReactNode;
  className?: string;
  /** What this kind of action shows with its message (a one-time link, every field error…). */
  outcome?: (state: S) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {} as Awaited<S>);
  return (
    <form action={formAction} className={className} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem', alignItems: 'center' }}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <FormMessage state={state} style={{ flexBasis: '100%' }}>
        {outcome?.(state)}
      </FormMessage>
    </form>
  );
}
