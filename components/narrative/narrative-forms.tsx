'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/components/ui/form-field';
import type { NarrativeFormState } from '@/types/forms';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (state: NarrativeFormState, formData: FormData) => Promise<NarrativeFormState>;

/** The form's outcome, announced (errors as alerts, confirmations politely). */
function Outcome({ state }: { state: NarrativeFormState }) {
  return (
    <div aria-live="polite" aria-atomic="true" className="form-message">
      {state.message ? (
        <p className={state.ok ? undefined : 'error-text'} role={state.ok ? undefined : 'alert'}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/** Drafts (or redrafts) the narrative from the numbers as of a date. */
export function GenerateForm({ action, meetingId, defaultAsOf, redraft }: { action: Action; meetingId: number; defaultAsOf: string; redraft: boolean }) {
  const t = useTranslations('narrative.form');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <FormField id="narrative-asOf" label={t('asOf')} hint={t('asOfHint')} errors={state.errors?.asOf}>
        {(aria) => <input name="asOf" type="date" defaultValue={state.values?.asOf ?? defaultAsOf} {...aria} />}
      </FormField>
      <Outcome state={state} />
      <SubmitButton pending={pending} label={redraft ? t('redraft') : t('draft')} pendingLabel={t('drafting')} />
    </form>
  );
}

/** Staff edit both languages of the text in force; the version they read travels with the form. */
export function EditForm({ action, meetingId, versionId, bodyEn, bodyZh }: { action: Action; meetingId: number; versionId: number; bodyEn: string; bodyZh: string }) {
  const t = useTranslations('narrative.form');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="versionId" value={versionId} />
      <FormField id="narrative-bodyEn" label={t('bodyEn')} errors={state.errors?.bodyEn}>
        {(aria) => <textarea name="bodyEn" rows={16} lang="en" defaultValue={state.values?.bodyEn ?? bodyEn} {...aria} />}
      </FormField>
      <FormField id="narrative-bodyZh" label={t('bodyZh')} errors={state.errors?.bodyZh}>
        {(aria) => <textarea name="bodyZh" rows={16} lang="zh-Hans" defaultValue={state.values?.bodyZh ?? bodyZh} {...aria} />}
      </FormField>
      <Outcome state={state} />
      <SubmitButton pending={pending} label={t('save')} pendingLabel={t('saving')} />
    </form>
  );
}

/** Approves the text in force (the server checks again that the approver did not write it). */
export function ApproveForm({ action, meetingId, versionId }: { action: Action; meetingId: number; versionId: number }) {
  const t = useTranslations('narrative.form');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="versionId" value={versionId} />
      <Outcome state={state} />
      <SubmitButton pending={pending} label={t('approve')} pendingLabel={t('approving')} />
    </form>
  );
}

/** Closes the meeting's record, after which its narrative is kept as it is. */
export function CloseRecordForm({ action, meetingId }: { action: Action; meetingId: number }) {
  const t = useTranslations('narrative.form');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <p className="muted" id={`close-record-hint-${meetingId}`}>
        {t('closeHint')}
      </p>
      <Outcome state={state} />
      <SubmitButton pending={pending} label={t('close')} pendingLabel={t('closing')} describedBy={`close-record-hint-${meetingId}`} />
    </form>
  );
}
