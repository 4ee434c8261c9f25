'use server';

import { z } from 'zod';
import { defineAction } from '@/data/action';
import { asOfForMeeting, latestStatusDate } from '@/data/meetings';
import { meetingAnswer, refused } from '@/data/meetings-messages';
import { itemFields, itemFormSchema, itemMultiFields, statusFormSchema } from '@/lib/validation/meetings';
import { createItem, findItem, findMeeting, setItemStatus, updateItem } from '@/data/writes/meetings';

/**
 * A meeting's items: record, edit, and move through open → in progress → done | dropped with a dated history.
 * Staff and admins only ('meeting.edit').
 */

const idField = z.coerce.number().int().positive();

/** What every item action states alike: who may, the message shown with field errors, and the answer's marker. */
const itemAction = { policy: 'meeting.edit', invalidMessage: 'meetings.validation.form', finish: meetingAnswer } as const;

const itemForm = { ...itemAction, schema: itemFormSchema, fields: itemFields, multi: itemMultiFields } as const;

export const createItemAction = defineAction({
  ...itemForm,
  body: async ({ db, actor, input, formData, t }) => {
    const meetingId = idField.safeParse(formData.get('meetingId'));
    if (!meetingId.success) return { ok: false, message: t('meetings.notFound') };
    const result = await createItem(db, meetingId.data, input, actor.id);
    if (!result.ok) return refused(t, result);
    return {
      ok: true,
      invalidate: [{ kind: 'meeting-item', meetingId: meetingId.data }],
      redirectTo: `/meetings/${meetingId.data}?saved=1#item-${result.id}`,
    };
  },
});

export const updateItemAction = defineAction({
  ...itemForm,
  body: async ({ db, actor, input, values, formData, t }) => {
    const itemId = idField.safeParse(formData.get('itemId'));
    if (!itemId.success) return { ok: false, message: t('meetings.notFound') };
    const result = await updateItem(db, itemId.data, input, actor.id);
    if (!result.ok) return refused(t, result);
    const item = await findItem(db, itemId.data, '0001-01-01');
    const message = t(result.changed ? 'meetings.saved' : 'meetings.unchanged');
    return { ok: true, message, values, invalidate: [{ kind: 'meeting-item', meetingId: item!.meetingId }] };
  },
});

export const changeItemStatusAction = defineAction({
  ...itemAction,
  schema: statusFormSchema,
  body: async ({ db, actor, input, t }) => {
    const item = await findItem(db, input.itemId, '0001-01-01');
    if (!item) return { ok: false, message: t('meetings.notFound') };
    const asOf = await asOfForMeeting(db, await findMeeting(db, item.meetingId));
    const result = await setItemStatus(db, { ...input, latest: latestStatusDate(asOf), actorId: actor.id });
    if (!result.ok) return refused(t, result);
    const message = t('meetings.item.statusSaved', { status: t(`meetings.status.${input.status}`) });
    return { ok: true, message, invalidate: [{ kind: 'meeting-item', meetingId: item.meetingId }] };
  },
});
