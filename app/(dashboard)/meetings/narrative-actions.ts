'use server';

import { defineAction, type FormState, type Translator } from '@/data/action';
import type { NarrativeFormState } from '@/types/forms';
import type { Change } from '@/data/invalidate';
import { draftFromNumbers } from '@/data/narrative-facts';
import { approveSchema, closeSchema, editSchema, generateSchema } from '@/lib/validation/narrative';
import { addNarrativeVersion, approveNarrative, closeMeetingRecord } from '@/data/writes/meetings';

/**
 * The progress narrative of a Steering Committee meeting: draft it from the numbers, edit it, approve it, and
 * close the meeting's record. db/queries/narratives audits in the same transaction.
 */

/** A refused write, in words: every reason has its message, and the form keeps what was typed. */
function refused(t: Translator, error: string, field?: string) {
  const message = t(`narrative.refused.${error}`);
  return { ok: false as const, message, errors: field ? { [field]: [message] } : undefined };
}

const changed = (meetingId: number): Change[] => [{ kind: 'narrative', meetingId }];
const narrativeForm = {
  invalidMessage: 'narrative.validation.form',
  finish: (answer: FormState): NarrativeFormState => ({ ...answer, attempt: Date.now() }),
} as const;

export const generateNarrativeAction = defineAction({
  ...narrativeForm,
  policy: 'narrative.edit',
  schema: generateSchema,
  body: async ({ db, actor, input, t }) => {
    const result = await draftFromNumbers(db, input.meetingId, input.asOf, actor.id);
    if (!result.ok) return refused(t, result.error, result.error === 'as_of_outside' ? 'asOf' : undefined);
    return { ok: true, invalidate: changed(input.meetingId), redirectTo: `/meetings/${input.meetingId}/narrative?done=generated#narrative-changes` };
  },
});

export const saveNarrativeEditAction = defineAction({
  ...narrativeForm,
  policy: 'narrative.edit',
  schema: editSchema,
  body: async ({ db, actor, input, t }) => {
    const { meetingId, versionId, bodyEn, bodyZh } = input;
    const result = await addNarrativeVersion(db, meetingId, { kind: 'edited', basedOnVersionId: versionId, bodyEn, bodyZh }, actor.id);
    if (!result.ok) return refused(t, result.error);
    return { ok: true, invalidate: changed(meetingId), redirectTo: `/meetings/${meetingId}/narrative?done=edited#narrative-edit-diff` };
  },
});

export const approveNarrativeAction = defineAction({
  ...narrativeForm,
  policy: 'narrative.approve',
  schema: approveSchema,
  body: async ({ db, actor, input, t }) => {
    const result = await approveNarrative(db, input.meetingId, input.versionId, actor);
    if (!result.ok) return refused(t, result.error);
    return { ok: true, invalidate: changed(input.meetingId), redirectTo: `/meetings/${input.meetingId}/narrative?done=approved` };
  },
});

export const closeMeetingRecordAction = defineAction({
  ...narrativeForm,
  policy: 'meeting.edit',
  schema: closeSchema,
  body: async ({ db, actor, input, t }) => {
    const result = await closeMeetingRecord(db, input.meetingId, actor.id);
    if (!result.ok) return refused(t, result.error);
    return { ok: true, invalidate: changed(input.meetingId), redirectTo: `/meetings/${input.meetingId}?closed=1` };
  },
});
