'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createMeeting, updateMeeting } from '@/db/queries/meetings/meetings';
import { requireActionUser } from '@/data/auth/session';
import { formFields, meetingFields, meetingFormSchema, meetingMultiFields, type MeetingFormState } from '@/data/meetings-forms';
import { invalid, refused } from '@/data/meetings-messages';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * Recording and editing meetings (issue 11). Each action authorizes ('meeting.edit') first, validates with zod,
 * then writes through db/queries/meetings, which audits in the same transaction.
 */

const idField = z.object({ id: z.coerce.number().int().positive() });

export async function createMeetingAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const actor = await requireActionUser('meeting.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values, lists } = formFields(formData, meetingFields, meetingMultiFields);
  const parsed = meetingFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values, lists);
  const result = await createMeeting(await getDb(), parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, lists);
  revalidatePath('/meetings');
  redirect(`/meetings/${result.id}?saved=1`);
}

export async function updateMeetingAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const actor = await requireActionUser('meeting.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = idField.safeParse({ id: formData.get('id') });
  const { raw, values, lists } = formFields(formData, meetingFields, meetingMultiFields);
  if (!id.success) return { ok: false, message: t('meetings.notFound') };
  const parsed = meetingFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values, lists);
  const result = await updateMeeting(await getDb(), id.data.id, parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, lists);
  revalidatePath('/meetings');
  revalidatePath(`/meetings/${id.data.id}`);
  redirect(`/meetings/${id.data.id}?saved=1`);
}
