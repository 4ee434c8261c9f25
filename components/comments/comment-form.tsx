'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { FieldError } from '@/components/ui/field-error';
import type { MeetingFormState } from '@/types/forms';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (state: MeetingFormState, formData: FormData) => Promise<MeetingFormState>;

/**
 * A new comment, a reply (with parentId) or an edit (with commentId): one labelled text area whose errors are
 * announced. After a successful post the form empties; after an error it keeps what was typed.
 */
export function CommentForm({
  action,
  hidden,
  label,
  submitLabel,
  initialBody = '',
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  submitLabel: string;
  initialBody?: string;
}) {
  const t = useTranslations('meetings.comments');
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  const errors = state.errors?.body;
  const body = state.ok && !('commentId' in hidden) ? '' : (state.values?.body ?? initialBody);
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor={`${id}-body`}>{label}</label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={3}
          maxLength={4000}
          required
          defaultValue={body}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending} label={submitLabel} pendingLabel={t('posting')} />
    </form>
  );
}
