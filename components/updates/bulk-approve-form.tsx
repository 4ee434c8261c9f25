'use client';

import { useActionState } from 'react';
import type { SimpleActionState } from '@/types/forms';
import { FormMessage } from '@/components/ui/form-message';

type Action = (state: SimpleActionState, formData: FormData) => Promise<SimpleActionState>;

/**
 * The review queue's "approve selected": the rows' checkboxes belong to this form through their `form` attribute
 * (a table row cannot hold a form of its own besides its approve and return forms). Works without JavaScript.
 */
export function BulkApproveForm({ id, action, label, pendingLabel, hint }: { id: string; action: Action; label: string; pendingLabel: string; hint: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form id={id} action={formAction} className="toolbar" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <span className="muted">{hint}</span>
      <FormMessage state={state} style={{ flexBasis: '100%' }} />
    </form>
  );
}
