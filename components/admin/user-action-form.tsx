'use client';

import { useActionState, type ReactNode } from 'react';
import type { UserActionState } from '@/types/forms';
import { OneTimeLink } from './one-time-link';
import { FormMessage } from '@/components/ui/form-message';

type UserAction = (state: UserActionState, formData: FormData) => Promise<UserActionState>;

/**
 * One per-user action (change role, disable, reset link…): a form posting the user's id to a server action,
 * whose result is announced in an aria-live region next to it. Works without JavaScript too.
 */
export function UserActionForm({
  action,
  userId,
  userName,
  label,
  pendingLabel,
  hidden,
  children,
}: {
  action: UserAction;
  userId: string;
  userName: string;
  label: string;
  pendingLabel: string;
  /** Further hidden fields, e.g. the status to set. */
  hidden?: Record<string, string>;
  /** Visible fields before the button, e.g. the role select. */
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem', alignItems: 'center' }}>
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <FormMessage state={state} style={{ flexBasis: '100%' }}>
        {state.link ? <OneTimeLink name={userName} url={state.link.url} expires={state.link.expires} /> : null}
      </FormMessage>
    </form>
  );
}
