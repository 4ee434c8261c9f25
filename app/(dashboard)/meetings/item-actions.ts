'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createItem, findItem, setItemStatus, updateItem } from '@/db/queries/meetings/items';
import { findMeeting } from '@/db/queries/meetings/meetings';
import { requireActionUser } from '@/data/auth/session';
import { asOfForMeeting, latestStatusDate } from '@/data/meetings';
import { formFields, itemFields, itemFormSchema, itemMultiFields, statusFormSchema, type MeetingFormState } from '@/data/meetings-forms';
import { invalid, refused } from '@/data/meetings-messages';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * A meeting's items (issue 11): record, edit, and move through open → in progress → done | dropped with a dated
 * history. Staff and admins only ('meeting.edit'), checked before anything else.
 */

const idField = z.coerce.number().int().positive();

function revalidateItem(meetingId: number) {
  revalidatePath('/meetings');
  revalidatePath(`/meetings/${meetingId}`);
  revalidatePath('/meetings/items/[id]', 'page');
  revalidatePath('/indicators/[code]', 'page');
  revalidatePath('/goals/[code]', 'page');
}

export async function createItemAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const actor = await requireActionUser('meeting.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const meetingId = idField.safeParse(formData.get('meetingId'));
  const { raw, values, lists } = formFields(formData, itemFields, itemMultiFields);
  if (!meetingId.success) return { ok: false, message: t('meetings.notFound') };
  const parsed = itemFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values, lists);
  const result = await createItem(await getDb(), meetingId.data, parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, lists);
  revalidateItem(meetingId.data);
  redirect(`/meetings/${meetingId.data}?saved=1#item-${result.id}`);
}

export async function updateItemAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const actor = await requireActionUser('meeting.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const itemId = idField.safeParse(formData.get('itemId'));
  const { raw, values, lists } = formFields(formData, itemFields, itemMultiFields);
  if (!itemId.success) return { ok: false, message: t('meetings.notFound') };
  const parsed = itemFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values, lists);
  const db = await getDb();
  const result = await updateItem(db, itemId.data, parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, lists);
  const item = await findItem(db, itemId.data, '0001-01-01');
  revalidateItem(item!.meetingId);
  return { ok: true, message: t(result.changed ? 'meetings.saved' : 'meetings.unchanged'), values, lists, attempt: Date.now() };
}

export async function changeItemStatusAction(_previous: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const actor = await requireActionUser('meeting.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = formFields(formData, ['itemId', 'status', 'changedOn']);
  const parsed = statusFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const db = await getDb();
  const item = await findItem(db, parsed.data.itemId, '0001-01-01');
  if (!item) return { ok: false, message: t('meetings.notFound') };
  const asOf = await asOfForMeeting(db, await findMeeting(db, item.meetingId));
  const result = await setItemStatus(db, { ...parsed.data, latest: latestStatusDate(asOf), actorId: actor.id });
  if (!result.ok) return refused(t, result, values);
  revalidateItem(item.meetingId);
  return { ok: true, message: t('meetings.item.statusSaved', { status: t(`meetings.status.${parsed.data.status}`) }), attempt: Date.now() };
}
