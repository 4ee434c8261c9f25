'use server';

import { defineAction } from '@/data/action';
import { meetingAnswer, refused } from '@/data/meetings-messages';
import { meetingFields, meetingFormSchema, meetingMultiFields } from '@/lib/validation/meetings';
import { recordIdField } from '@/data/registries-forms';
import { createMeeting, updateMeeting } from '@/data/writes/meetings';

/** Recording and editing meetings ('meeting.edit'); db/queries/meetings audits in the same transaction. */

const meetingForm = {
  policy: 'meeting.edit',
  schema: meetingFormSchema,
  fields: meetingFields,
  multi: meetingMultiFields,
  invalidMessage: 'meetings.validation.form',
  finish: meetingAnswer,
} as const;

export const createMeetingAction = defineAction({
  ...meetingForm,
  body: async ({ db, actor, input, t }) => {
    const result = await createMeeting(db, input, actor.id);
    if (!result.ok) return refused(t, result);
    return { ok: true, invalidate: [{ kind: 'meeting' }], redirectTo: `/meetings/${result.id}?saved=1` };
  },
});

export const updateMeetingAction = defineAction({
  ...meetingForm,
  body: async ({ db, actor, input, formData, t }) => {
    const id = recordIdField.safeParse({ id: formData.get('id') });
    if (!id.success) return { ok: false, message: t('meetings.notFound') };
    const result = await updateMeeting(db, id.data.id, input, actor.id);
    if (!result.ok) return refused(t, result);
    return { ok: true, invalidate: [{ kind: 'meeting', meetingId: id.data.id }], redirectTo: `/meetings/${id.data.id}?saved=1` };
  },
});
