'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import { FormField } from '@/components/ui/form-field';
import type { NarrativeFormState } from '@/types/forms';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (state: NarrativeFormState, formData: FormData) => Promise<NarrativeFormState>;

/**
 * A narrative form: its hidden ids, its fields (given the answer, to refill them and show their errors), the
 * outcome, announced (errors as alerts, confirmations politely), and the submit button. Each answer remounts it.
 */
function NarrativeForm({
  action,
  hidden,
  label,
  pendingLabel,
  describedBy,
  children,
}: {
  action: Action;
  hidden: Record<string, number>;
  label: string;
  pendingLabel: string;
  describedBy?: string;
  children?: (state: NarrativeFormState) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state)}
      <div aria-live="polite" aria-atomic="true" className="form-message">
        {state.message ? (
          <p className={state.ok ? undefined : 'error-text'} role={state.ok ? undefined : 'alert'}>
            {state.message}
          </p>
        ) : null}
      </div>
      <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} describedBy={describedBy} />
    </form>
  );
}

/** Drafts (or redrafts) the narrative from the numbers as of a date. */
export function GenerateForm({ action, meetingId, defaultAsOf, redraft }: { action: Action; meetingId: number; defaultAsOf: string; redraft: boolean }) {
  const t = useTranslations('narrative.form');
  return (
    <NarrativeForm action={action} hidden={{ meetingId }} label={redraft ? t('redraft') : t('draft')} pendingLabel={t('drafting')}>
      {(state) => (
        <FormField id="narrative-asOf" label={t('asOf')} hint={t('asOfHint')} errors={state.errors?.asOf}>
          {(aria) => <input name="asOf" type="date" defaultValue={state.values?.asOf ?? defaultAsOf} {...aria} />}
        </FormField>
      )}
    </NarrativeForm>
  );
}

/** Staff edit both languages of the text in force; the version they read travels with the form. */
export function EditForm({ action, meetingId, versionId, bodyEn, bodyZh }: { action: Action; meetingId: number; versionId: number; bodyEn: string; bodyZh: string }) {
  const t = useTranslations('narrative.form');
  return (
    <NarrativeForm action={action} hidden={{ meetingId, versionId }} label={t('save')} pendingLabel={t('saving')}>
      {(state) => (
        <>
          <FormField id="narrative-bodyEn" label={t('bodyEn')} errors={state.errors?.bodyEn}>
            {(aria) => <textarea name="bodyEn" rows={16} lang="en" defaultValue={state.values?.bodyEn ?? bodyEn} {...aria} />}
          </FormField>
          <FormField id="narrative-bodyZh" label={t('bodyZh')} errors={state.errors?.bodyZh}>
            {(aria) => <textarea name="bodyZh" rows={16} lang="zh-Hans" defaultValue={state.values?.bodyZh ?? bodyZh} {...aria} />}
          </FormField>
        </>
      )}
    </NarrativeForm>
  );
}

/** Approves the text in force (the server checks again that the approver did not write it). */
export function ApproveForm({ action, meetingId, versionId }: { action: Action; meetingId: number; versionId: number }) {
  const t = useTranslations('narrative.form');
  return <NarrativeForm action={action} hidden={{ meetingId, versionId }} label={t('approve')} pendingLabel={t('approving')} />;
}

/** Closes the meeting's record, after which its narrative is kept as it is. */
export function CloseRecordForm({ action, meetingId }: { action: Action; meetingId: number }) {
  const t = useTranslations('narrative.form');
  const hint = `close-record-hint-${meetingId}`;
  return (
    <NarrativeForm action={action} hidden={{ meetingId }} label={t('close')} pendingLabel={t('closing')} describedBy={hint}>
      {() => (
        <p className="muted" id={hint}>
          {t('closeHint')}
        </p>
      )}
    </NarrativeForm>
  );
}
