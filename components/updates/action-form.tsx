'use client';

import { useActionState, type ReactNode } from 'react';

import type { SimpleActionState } from '@/types/forms';
import { FormMessage } from '@/components/ui/form-message';

type Action = (state: SimpleActionState, formData: FormData) => Promise<SimpleActionState>;

/**
 * A small form posting hidden fields (and any visible ones given as children) to a server action, whose result
 * is announced next to it. Used for approve, return, submit, lock and unlock. Works without JavaScript too.
 */
export function ActionForm({
  action,
  hidden,
  label,
  pendingLabel,
  children,
  className,
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  children?: ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className ?? 'inline-form'} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem', alignItems: 'center' }}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <FormMessage state={state} style={{ flexBasis: '100%' }} />
    </form>
  );
}
