'use client';

import type { ReactNode } from 'react';
import type { UserActionState } from '@/types/forms';
import { OneTimeLink } from './one-time-link';
import { InlineActionForm } from '@/components/ui/inline-action-form';

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
  return (
    <InlineActionForm
      action={action}
      hidden={{ userId, ...hidden }}
      label={label}
      pendingLabel={pendingLabel}
      outcome={(state) => (state.link ? <OneTimeLink name={userName} url={state.link.url} expires={state.link.expires} /> : null)}
    >
      {children}
    </InlineActionForm>
  );
}
