'use client';

import type { ReactNode } from 'react';
import type { RegistryFormState } from '@/types/forms';
import { InlineActionForm } from '@/components/ui/inline-action-form';

type Action = (state: RegistryFormState, formData: FormData) => Promise<RegistryFormState>;

/** One action on a record (archive, restore, delete, end a membership…); a refusal lists every field's error. */
export function RecordActionForm(props: { action: Action; hidden: Record<string, string>; label: string; pendingLabel: string; children?: ReactNode }) {
  return (
    <InlineActionForm
      {...props}
      outcome={(state) =>
        state.errors
          ? Object.values(state.errors)
              .flat()
              .map((e) => (
                <p key={e} className="error-text">
                  {e}
                </p>
              ))
          : null
      }
    />
  );
}
