import { z } from 'zod';
import { isIsoDate } from '@/lib/periods';

/** A share link lives at most 90 days. */
export const MAX_SHARE_DAYS = 90;
export const MAX_SHARE_LABEL = 120;

const k = (key: string) => `share.validation.${key}`;
const text = (v: unknown) => (v === null || v === undefined ? '' : v);

/** A new read-only share link (admin page). Messages are catalog keys. */
export const newShareLinkSchema = z
  .object({
    label: z.preprocess(text, z.string().trim().min(1, k('labelRequired')).max(MAX_SHARE_LABEL, k('labelTooLong'))),
    kind: z.enum(['report', 'goal'], { error: k('kindInvalid') }),
    year: z.coerce.number({ error: k('yearInvalid') }).int(k('yearInvalid')).min(2000, k('yearInvalid')).max(2100, k('yearInvalid')),
    goalCode: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null)),
      z.string().trim().max(20, k('goalRequired')).nullable(),
    ),
    asOf: z.preprocess(text, z.string().trim().refine((s) => isIsoDate(s), k('asOfInvalid'))),
    days: z.coerce
      .number({ error: k('daysInvalid') })
      .int(k('daysInvalid'))
      .min(1, k('daysInvalid'))
      .max(MAX_SHARE_DAYS, k('daysTooLong')),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'goal' && !v.goalCode) ctx.addIssue({ code: 'custom', path: ['goalCode'], message: k('goalRequired') });
  });
export type NewShareLink = z.infer<typeof newShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ linkId: z.uuid({ error: k('linkUnknown') }) });
