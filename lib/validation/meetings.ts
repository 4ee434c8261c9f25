import { z } from 'zod';
import { isIsoDate } from '@/lib/periods';

/**
 * The meeting, item, status and comment forms, validated at the boundary. Error messages are message
 * keys (under meetings.validation), translated by the action. No 'server-only' here: tests parse with these too.
 */

const blank = (v: unknown) => (v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v);

const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().min(1, 'meetings.validation.required').max(max, 'meetings.validation.tooLong'));
const optionalText = (max: number) =>
  z.preprocess(blank, z.string().trim().max(max, 'meetings.validation.tooLong').optional()).transform((v) => v ?? null);
const requiredDate = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : ''),
  z.string().min(1, { error: 'meetings.validation.required', abort: true }).refine(isIsoDate, 'meetings.validation.dateInvalid'),
);
const optionalDate = z
  .preprocess(blank, z.string().trim().refine(isIsoDate, 'meetings.validation.dateInvalid').optional())
  .transform((v) => v ?? null);
const idList = z.array(z.coerce.number().int().positive()).max(200).default([]);

export const meetingKinds = ['steering_committee', 'working_level'] as const;
export const itemKinds = ['recommendation', 'decision', 'action_item'] as const;
export const itemStatusValues = ['open', 'in_progress', 'done', 'dropped'] as const;
type ItemStatusValue = (typeof itemStatusValues)[number];
/** Where an item's status may move: open → in progress → done | dropped (open may go straight on); done and dropped are final. */
export const transitions: Record<ItemStatusValue, readonly ItemStatusValue[]> = {
  open: ['in_progress', 'done', 'dropped'],
  in_progress: ['done', 'dropped'],
  done: [],
  dropped: [],
};

export const meetingFormSchema = z.object({
  kind: z.enum(meetingKinds, { error: 'meetings.validation.choice' }),
  heldOn: requiredDate,
  title: requiredText(200),
  participants: optionalText(4000),
  agenda: optionalText(10_000),
  minutes: optionalText(50_000),
  participantIds: z.array(z.uuid('meetings.validation.unknownParticipant')).max(200).default([]),
});
export const meetingFields = ['kind', 'heldOn', 'title', 'participants', 'agenda', 'minutes'] as const;
export const meetingMultiFields = ['participantIds'] as const;

export const itemFormSchema = z
  .object({
    kind: z.enum(itemKinds, { error: 'meetings.validation.choice' }),
    text: requiredText(2000),
    ownerId: z.preprocess(blank, z.uuid('meetings.validation.unknownOwner').optional()).transform((v) => v ?? null),
    ownerName: optionalText(200),
    dueOn: optionalDate,
    goalIds: idList,
    indicatorIds: idList,
  })
  .superRefine((v, ctx) => {
    if (v.ownerId && v.ownerName) ctx.addIssue({ code: 'custom', path: ['ownerName'], message: 'meetings.validation.oneOwner' });
    if (v.kind === 'action_item' && !v.ownerId && !v.ownerName) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'meetings.validation.ownerRequired' });
  });
export const itemFields = ['kind', 'text', 'ownerId', 'ownerName', 'dueOn'] as const;
export const itemMultiFields = ['goalIds', 'indicatorIds'] as const;

export const statusFormSchema = z.object({
  itemId: z.coerce.number().int().positive(),
  status: z.enum(itemStatusValues, { error: 'meetings.validation.choice' }),
  changedOn: requiredDate,
});

const body = requiredText(4000);

export const commentFormSchema = z.object({
  subject: z.enum(['indicator', 'item']),
  subjectId: z.coerce.number().int().positive(),
  parentId: z.preprocess(blank, z.coerce.number().int().positive().optional()).transform((v) => v ?? null),
  body,
});

export const commentEditSchema = z.object({ commentId: z.coerce.number().int().positive(), body });

