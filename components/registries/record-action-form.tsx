'use client';

import { useActionState } from 'react';
import type { RegistryFormState } from '@/types/forms';
import { FormMessage } from '@/components/ui/form-message';

type Action = (state: RegistryFormState, formData: FormData) => Promise<RegistryFormState>;

/** One action on a record (archive, restore, delete, end a membership…), with its result announced beside it. */
export function RecordActionForm({
  action,
  hidden,
  label,
  pendingLabel,
  children,
}: {
  action: Action;
  hidden: Record<string, string>;
  label: string;
  pendingLabel: string;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem', alignItems: 'center' }}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <FormMessage state={state} style={{ flexBasis: '100%' }}>
        {state.errors
          ? Object.values(state.errors)
              .flat()
              .map((e) => (
                <p key={e} className="error-text">
                  {e}
                </p>
              ))
          : null}
      </FormMessage>
    </form>
  );
}
