'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { MeetingFormState } from '@/types/forms';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (state: MeetingFormState, formData: FormData) => Promise<MeetingFormState>;

/** Moves an item to one of the statuses allowed next, on a date (by default the as-of date). */
export function StatusForm({ action, itemId, next, defaultDate }: { action: Action; itemId: number; next: readonly string[]; defaultDate: string }) {
  const t = useTranslations('meetings.item');
  const ts = useTranslations('meetings.status');
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  if (next.length === 0) {
    // After the last move the form gives way to this note; the confirmation stays announced beside it.
    return (
      <FormMessage state={state}>
        <p className="muted">{t('final')}</p>
      </FormMessage>
    );
  }
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      <input type="hidden" name="itemId" value={itemId} />
      <FormField id="status-status" label={t('newStatus')} errors={errors.status}>
        {(aria) => (
          <select name="status" defaultValue={state.values?.status ?? next[0]} {...aria}>
            {next.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="status-changedOn" label={t('changedOn')} errors={errors.changedOn}>
        {(aria) => <input name="changedOn" type="date" required defaultValue={state.values?.changedOn ?? defaultDate} {...aria} />}
      </FormField>
      <FormMessage state={state} />
      <SubmitButton pending={pending} label={t('changeStatus')} pendingLabel={t('saving')} />
    </form>
  );
}
