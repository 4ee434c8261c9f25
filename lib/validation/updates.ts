import { z } from 'zod';

/**
 * The progress-update forms (log, correct, withdraw, review) and the import rows share these field rules.
 * Error messages are message KEYS under `updates.validation`, translated by the caller. What only the database
 * can tell (unknown indicator, period outside the plan, locked period, disallowed disaggregation) is checked by
 * db/queries/updates, which reports it the same way.
 */

export type ValueKind = 'count' | 'percent' | 'currency' | 'milestone';

/** Beyond this a figure is a typo (an extra zero row, a pasted phone number), not a result. */
export const MAX_VALUE = 1_000_000_000_000;
export const MAX_NOTE = 2000;
export const MAX_REASON = 1000;
export const MAX_URL = 2000;

const v = (key: string) => `updates.validation.${key}`;
/** FormData gives null for a missing field: treat it as an empty string so "required" shows. */
const text = (x: unknown) => (x === null || x === undefined ? '' : x);
/** A blank or missing choice is no choice. */
const blankToUndefined = (x: unknown) => (x === null || (typeof x === 'string' && x.trim() === '') ? undefined : x);

/** A number typed in a form: required, numeric, not negative, not absurd; whole for counts. */
function numberField(whole: boolean) {
  const base = z.coerce
    .number<string>({ error: v('notNumber') })
    .min(0, v('negative'))
    .max(MAX_VALUE, v('tooLarge'));
  return z.preprocess(
    text,
    z
      .string()
      .trim()
      .min(1, v('valueRequired'))
      // Thousands separators are the commonest paste error: refuse them with the "not a number" message.
      .pipe(whole ? base.int(v('notWhole')) : base),
  );
}

const optionalId = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: v('choiceInvalid') }).int(v('choiceInvalid')).positive(v('choiceInvalid')).optional(),
);

const note = z.preprocess(text, z.string().trim().max(MAX_NOTE, v('noteTooLong')));

const evidenceUrl = z.preprocess(
  text,
  z
    .string()
    .trim()
    .max(MAX_URL, v('urlTooLong'))
    .refine((s) => s === '' || isHttpUrl(s), v('urlInvalid')),
);

export function isHttpUrl(s: string): boolean {
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The figures of an update, by value kind. Percent: numerator and denominator; milestone: yes or no. */
export function figuresSchema(kind: ValueKind) {
  // Built once per kind: building a zod schema costs about a millisecond, parsing with it microseconds, and
  // an import checks every row.
  return (figureSchemas[kind] ??= buildFiguresSchema(kind));
}

const figureSchemas: Partial<Record<ValueKind, ReturnType<typeof buildFiguresSchema>>> = {};

function buildFiguresSchema(kind: ValueKind) {
  switch (kind) {
    case 'percent':
      return z
        .object({ numerator: numberField(false), denominator: numberField(false) })
        .refine((f) => f.denominator > 0, { path: ['denominator'], message: v('denominatorPositive') })
        .refine((f) => f.denominator <= 0 || f.numerator <= f.denominator, { path: ['numerator'], message: v('numeratorAboveDenominator') })
        .transform((f) => ({ value: null, numerator: f.numerator, denominator: f.denominator }));
    case 'milestone':
      return z
        .object({ milestone: z.enum(['yes', 'no'], { error: v('milestoneRequired') }) })
        .transform((f) => ({ value: f.milestone === 'yes' ? 1 : 0, numerator: null, denominator: null }));
    case 'count':
    case 'currency':
      return z
        .object({ value: numberField(kind === 'count') })
        .transform((f) => ({ value: f.value, numerator: null, denominator: null }));
  }
}

export type Figures = { value: number | null; numerator: number | null; denominator: number | null };

/** The non-figure fields of a new update. `period` is a period key such as 2020-Q4 (see lib/periods). */
export const newUpdateSchema = z.object({
  indicator: z.preprocess(text, z.string().trim().min(1, v('indicatorRequired')).max(40, v('indicatorUnknown'))),
  period: z.preprocess(text, z.string().trim().min(1, v('periodRequired')).max(20, v('periodOutsidePlan'))),
  cityId: optionalId,
  clusterId: optionalId,
  partnerId: optionalId,
  note,
  evidenceUrl,
  intent: z.enum(['draft', 'submit']).catch('submit'),
  idempotencyKey: z.uuid({ error: v('formExpired') }),
  confirmPlausibility: z.preprocess((x) => x === 'on' || x === 'yes' || x === true, z.boolean()),
});
export type NewUpdateFields = z.infer<typeof newUpdateSchema>;

/** A figure field as typed (parsed by the indicator's kind only once the indicator is known). */
const typedFigure = z.preprocess(text, z.string().max(40));

/**
 * The data-quality flags of a value still being typed on the log form: where it would go and its figure fields.
 * Nothing is stored from it.
 */
export const flagPreviewSchema = newUpdateSchema.pick({ cityId: true, clusterId: true, partnerId: true }).extend({
  // Sent by the form itself, not typed: an unreadable one is simply not valid.
  indicator: z.preprocess(text, z.string().trim().min(1).max(40)),
  period: z.preprocess(text, z.string().trim().min(1).max(20)),
  plan: z.preprocess(blankToUndefined, z.coerce.number().int().min(1900).max(2200).optional()),
  value: typedFigure,
  numerator: typedFigure,
  denominator: typedFigure,
  milestone: typedFigure,
});
export type FlagPreviewFields = z.infer<typeof flagPreviewSchema>;

const reason = z.preprocess(
  text,
  z.string().trim().min(1, v('reasonRequired')).max(MAX_REASON, v('reasonTooLong')),
);

const target = {
  updateId: z.coerce.number({ error: v('updateUnknown') }).int().positive(v('updateUnknown')),
  version: z.coerce.number({ error: v('updateUnknown') }).int().positive(v('updateUnknown')),
};

/** A correction: the figures (by kind, parsed separately), note, evidence and why. */
export const correctionSchema = z.object({ ...target, note, evidenceUrl, reason });
/** The data-quality flags of new figures being typed for a stored update (the correction form); nothing stored. */
export const correctionFlagPreviewSchema = z.object({
  updateId: target.updateId,
  value: typedFigure,
  numerator: typedFigure,
  denominator: typedFigure,
  milestone: typedFigure,
});
export const withdrawSchema = z.object({ ...target, reason });
export const reviewSchema = z
  .object({
    ...target,
    decision: z.enum(['approve', 'return'], { error: v('decisionInvalid') }),
    comment: z.preprocess(text, z.string().trim().max(MAX_REASON, v('commentTooLong'))),
  })
  .refine((r) => r.decision === 'approve' || r.comment.length > 0, { path: ['comment'], message: v('commentRequired') });
export const submitSchema = z.object(target);
/** The most updates approved at once: a page of the review queue. */
export const MAX_BULK_APPROVE = 100;
/** Updates ticked in the review queue, each as `id:version` (the version the reviewer saw). */
export const bulkApproveSchema = z.object({
  items: z
    .array(
      z
        .string()
        .regex(/^\d{1,15}:\d{1,9}$/, v('updateUnknown'))
        .transform((s) => {
          const [updateId, version] = s.split(':').map(Number) as [number, number];
          return { updateId, version };
        }),
      { error: v('bulkNoneSelected') },
    )
    .min(1, v('bulkNoneSelected'))
    .max(MAX_BULK_APPROVE, v('bulkTooMany')),
});
/** Removing one evidence file (the file's id; what it may be removed from is checked with the update). */
export const removeEvidenceSchema = z.object({
  fileId: z.coerce.number({ error: v('updateUnknown') }).int(v('updateUnknown')).positive(v('updateUnknown')).max(Number.MAX_SAFE_INTEGER, v('updateUnknown')),
});
/** A reviewer's decision on a request to withdraw an approved update; refusing needs a comment. */
export const withdrawalDecisionSchema = z
  .object({
    requestId: z.coerce.number({ error: v('updateUnknown') }).int().positive(v('updateUnknown')),
    decision: z.enum(['approve', 'refuse'], { error: v('decisionInvalid') }),
    comment: z.preprocess(text, z.string().trim().max(MAX_REASON, v('commentTooLong'))),
  })
  .refine((r) => r.decision === 'approve' || r.comment.length > 0, { path: ['comment'], message: v('commentRequired') });

export const lockSchema = z.object({
  indicatorId: optionalId,
  period: z.preprocess(text, z.string().trim().regex(/^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/, v('periodRequired'))),
});
export const unlockSchema = z.object({ lockId: z.coerce.number().int().positive(v('lockUnknown')) });
