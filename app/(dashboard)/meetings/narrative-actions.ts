'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { approveNarrative, addNarrativeVersion, closeMeetingRecord } from '@/db/queries/narratives/write';
import { requireActionUser } from '@/data/auth/session';
import { draftFromNumbers } from '@/data/narrative-facts';
import { approveSchema, closeSchema, editSchema, generateSchema, type NarrativeFormState } from '@/lib/validation/narrative';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * The progress narrative of a Steering Committee meeting: draft it from the numbers, edit it, approve it, and
 * close the meeting's record. Each action authorizes through the policy first, validates with zod, and writes
 * through db/queries/narratives, which audits in the same transaction.
 */

type T = Awaited<ReturnType<typeof getTranslations>>;

function values(formData: FormData, fields: readonly string[]) {
  return Object.fromEntries(fields.map((f) => [f, typeof formData.get(f) === 'string' ? (formData.get(f) as string) : '']));
}

function invalid(t: T, error: z.ZodError, vals: Record<string, string>): NarrativeFormState {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const errors: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(fieldErrors)) {
    if (keys?.length) errors[field] = keys.map((k) => (k.startsWith('narrative.validation.') ? t(k) : t('narrative.validation.invalid')));
  }
  return { ok: false, message: t('narrative.validation.form'), errors, values: vals, attempt: Date.now() };
}

/** A refused write, in words: every reason has its message, and the form keeps what was typed. */
function refused(t: T, error: string, vals: Record<string, string>, field?: string): NarrativeFormState {
  const message = t(`narrative.refused.${error}`);
  return { ok: false, message, errors: field ? { [field]: [message] } : undefined, values: vals, attempt: Date.now() };
}

function revalidate(meetingId: number) {
  revalidatePath(`/meetings/${meetingId}`);
  revalidatePath(`/meetings/${meetingId}/narrative`);
  revalidatePath('/reports/committee');
}

export async function generateNarrativeAction(_previous: NarrativeFormState, formData: FormData): Promise<NarrativeFormState> {
  const actor = await requireActionUser('narrative.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const vals = values(formData, ['meetingId', 'asOf']);
  const parsed = generateSchema.safeParse(vals);
  if (!parsed.success) return invalid(t, parsed.error, vals);
  const result = await draftFromNumbers(await getDb(), parsed.data.meetingId, parsed.data.asOf, actor.id);
  if (!result.ok) return refused(t, result.error, vals, result.error === 'as_of_outside' ? 'asOf' : undefined);
  revalidate(parsed.data.meetingId);
  redirect(`/meetings/${parsed.data.meetingId}/narrative?done=generated#narrative-changes`);
}

export async function saveNarrativeEditAction(_previous: NarrativeFormState, formData: FormData): Promise<NarrativeFormState> {
  const actor = await requireActionUser('narrative.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const vals = values(formData, ['meetingId', 'versionId', 'bodyEn', 'bodyZh']);
  const parsed = editSchema.safeParse(vals);
  if (!parsed.success) return invalid(t, parsed.error, vals);
  const { meetingId, versionId, bodyEn, bodyZh } = parsed.data;
  const result = await addNarrativeVersion(await getDb(), meetingId, { kind: 'edited', basedOnVersionId: versionId, bodyEn, bodyZh }, actor.id);
  if (!result.ok) return refused(t, result.error, vals);
  revalidate(meetingId);
  redirect(`/meetings/${meetingId}/narrative?done=edited#narrative-edit-diff`);
}

export async function approveNarrativeAction(_previous: NarrativeFormState, formData: FormData): Promise<NarrativeFormState> {
  const actor = await requireActionUser('narrative.approve');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const vals = values(formData, ['meetingId', 'versionId']);
  const parsed = approveSchema.safeParse(vals);
  if (!parsed.success) return invalid(t, parsed.error, vals);
  const result = await approveNarrative(await getDb(), parsed.data.meetingId, parsed.data.versionId, actor);
  if (!result.ok) return refused(t, result.error, vals);
  revalidate(parsed.data.meetingId);
  redirect(`/meetings/${parsed.data.meetingId}/narrative?done=approved`);
}

export async function closeMeetingRecordAction(_previous: NarrativeFormState, formData: FormData): Promise<NarrativeFormState> {
  const actor = await requireActionUser('meeting.edit');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const vals = values(formData, ['meetingId']);
  const parsed = closeSchema.safeParse(vals);
  if (!parsed.success) return invalid(t, parsed.error, vals);
  const result = await closeMeetingRecord(await getDb(), parsed.data.meetingId, actor.id);
  if (!result.ok) return refused(t, result.error, vals);
  revalidate(parsed.data.meetingId);
  redirect(`/meetings/${parsed.data.meetingId}?closed=1`);
}
