'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import type { MeetingFormState } from '@/types/forms';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (state: MeetingFormState, formData: FormData) => Promise<MeetingFormState>;

/** Recording or editing a meeting: kind, date, title, participants, agenda and minutes (Markdown). */
export function MeetingForm({
  action,
  initial,
  initialParticipants,
  people,
  meetingId,
}: {
  action: Action;
  initial: Record<string, string>;
  initialParticipants: string[];
  people: { id: string; name: string }[];
  meetingId?: number;
}) {
  const t = useTranslations('meetings.form');
  const tk = useTranslations('meetings.kind');
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  const chosen = state.lists?.participantIds ?? initialParticipants;
  return (
    <form action={formAction} className="form" noValidate key={state.attempt}>
      {meetingId ? <input type="hidden" name="id" value={meetingId} /> : null}
      <FormField id="meeting-kind" label={t('kind')} errors={errors.kind}>
        {(aria) => (
          <select name="kind" defaultValue={values.kind || 'steering_committee'} {...aria}>
            <option value="steering_committee">{tk('steering_committee')}</option>
            <option value="working_level">{tk('working_level')}</option>
          </select>
        )}
      </FormField>
      <FormField id="meeting-heldOn" label={t('heldOn')} errors={errors.heldOn}>
        {(aria) => <input name="heldOn" type="date" required defaultValue={values.heldOn} {...aria} />}
      </FormField>
      <FormField id="meeting-title" label={t('title')} errors={errors.title}>
        {(aria) => <input name="title" type="text" required maxLength={200} defaultValue={values.title} {...aria} />}
      </FormField>
      <FormField id="meeting-participants" label={t('participants')} hint={t('participantsHint')} errors={errors.participants}>
        {(aria) => <textarea name="participants" rows={3} maxLength={4000} defaultValue={values.participants} {...aria} />}
      </FormField>
      <fieldset className="field" aria-describedby={errors.participantIds?.length ? 'meeting-participantIds-error' : undefined}>
        <legend>{t('participantUsers')}</legend>
        <div className="checkbox-grid">
          {people.map((p) => (
            <label key={p.id}>
              <input type="checkbox" name="participantIds" value={p.id} defaultChecked={chosen.includes(p.id)} /> {p.name}
            </label>
          ))}
        </div>
        <FieldError id="meeting-participantIds-error" errors={errors.participantIds} />
      </fieldset>
      <FormField id="meeting-agenda" label={t('agenda')} hint={t('markdownHint')} errors={errors.agenda}>
        {(aria) => <textarea name="agenda" rows={5} maxLength={10000} defaultValue={values.agenda} {...aria} />}
      </FormField>
      <FormField id="meeting-minutes" label={t('minutes')} hint={t('markdownHint')} errors={errors.minutes}>
        {(aria) => <textarea name="minutes" rows={12} maxLength={50000} defaultValue={values.minutes} {...aria} />}
      </FormField>
      <FormMessage state={state} />
      <SubmitButton pending={pending} label={t('save')} pendingLabel={t('saving')} />
    </form>
  );
}
