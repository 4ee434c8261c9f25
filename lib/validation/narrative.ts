import { z } from 'zod';
import { isIsoDate } from '@/lib/periods';

/**
 * The narrative's forms, validated at the boundary. Messages are keys under narrative.validation, translated by
 * the action. No 'server-only': tests parse with these too.
 */

/** A generous bound: a plan of 40 indicators drafts to about 12,000 characters per language. */
export const NARRATIVE_MAX_LENGTH = 60_000;

const id = z.coerce.number({ error: 'narrative.validation.invalid' }).int('narrative.validation.invalid').positive('narrative.validation.invalid');
const body = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n') : ''),
  z.string().trim().min(1, 'narrative.validation.required').max(NARRATIVE_MAX_LENGTH, 'narrative.validation.tooLong'),
);

export const generateSchema = z.object({
  meetingId: id,
  asOf: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z.string().refine(isIsoDate, 'narrative.validation.dateInvalid').optional(),
  ),
});

export const editSchema = z.object({ meetingId: id, versionId: id, bodyEn: body, bodyZh: body });
export const approveSchema = z.object({ meetingId: id, versionId: id });
export const closeSchema = z.object({ meetingId: id });

