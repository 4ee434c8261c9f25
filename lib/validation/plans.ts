import { z } from 'zod';
import { isIsoDate } from '@/lib/periods';

/**
 * Forms of the work-plan administration (/plans): plans, endorsement, closing, goals, moves and retirement.
 * Indicator and target forms are in plans-indicators.ts. Error messages are message KEYS (under
 * `plans.validation`), translated by the caller. Rules that need the database (codes unique within a plan,
 * one endorsed plan per year…) are enforced in db/queries/plan-admin, whoever calls it.
 */

/** FormData gives null for a missing field: an empty string, so that the "required" message shows. */
const text = (v: unknown) => (v === null || v === undefined ? '' : v);
/** Optional text: blank becomes null (stored as NULL, not ''). */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v === undefined ? null : v);

export const requiredText = (max: number) =>
  z.preprocess(
    text,
    z.string({ error: 'plans.validation.required' }).trim().min(1, 'plans.validation.required').max(max, 'plans.validation.tooLong'),
  );

export const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, 'plans.validation.tooLong').nullable());

export const isoDateField = z.preprocess(
  text,
  z.string().trim().refine((s) => isIsoDate(s), 'plans.validation.dateInvalid'),
);

export const optionalIsoDate = z.preprocess(
  blankToNull,
  z.string().trim().refine((s) => isIsoDate(s), 'plans.validation.dateInvalid').nullable(),
);

/** Numbers as typed: a blank is "required"; a comma as decimal separator is accepted; no Infinity or NaN. */
export const numberField = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
  z.number({ error: 'plans.validation.numberRequired' }).finite('plans.validation.numberRequired'),
);

export const idField = z.coerce.number({ error: 'plans.validation.invalid' }).int('plans.validation.invalid').positive('plans.validation.invalid');
const optionalId = z.preprocess(blankToNull, idField.nullable());

/** Goal and indicator codes such as G1 or G1.2: letters, digits, dots and dashes, without spaces. */
export const codeField = z.preprocess(
  text,
  z
    .string()
    .trim()
    .min(1, 'plans.validation.required')
    .max(16, 'plans.validation.codeInvalid')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'plans.validation.codeInvalid'),
);

export const yearField = z.coerce
  .number({ error: 'plans.validation.yearInvalid' })
  .int('plans.validation.yearInvalid')
  .min(2000, 'plans.validation.yearInvalid')
  .max(2100, 'plans.validation.yearInvalid');

const planDates = <T extends { startDate: string; endDate: string }>(schema: z.ZodType<T>) =>
  schema.refine((v) => v.startDate <= v.endDate, { path: ['endDate'], message: 'plans.validation.endBeforeStart' });

export const createPlanSchema = planDates(
  z.object({
    year: yearField,
    title: requiredText(200),
    titleZh: optionalText(200),
    startDate: isoDateField,
    endDate: isoDateField,
    /** A plan to copy goals and indicators from; none for an empty plan. */
    copyFromPlanId: optionalId,
  }),
);
export type CreatePlanInput = z.infer<typeof createPlanSchema>;

export const editPlanSchema = planDates(
  z.object({
    planId: idField,
    title: requiredText(200),
    titleZh: optionalText(200),
    startDate: isoDateField,
    endDate: isoDateField,
  }),
);
export type EditPlanInput = z.infer<typeof editPlanSchema>;

export const endorsePlanSchema = z.object({
  planId: idField,
  endorsedOn: isoDateField,
  meetingId: optionalId,
});

export const closePlanSchema = z.object({ planId: idField, closedOn: isoDateField });

export const goalSchema = z.object({
  planId: idField,
  /** Absent when adding a goal. */
  goalId: optionalId,
  code: codeField,
  title: requiredText(300),
  titleZh: optionalText(300),
  description: optionalText(4000),
  descriptionZh: optionalText(4000),
});
export type GoalInput = z.infer<typeof goalSchema>;

export const moveSchema = z.object({ id: idField, direction: z.enum(['up', 'down'], { error: 'plans.validation.invalid' }) });
export const retireSchema = z.object({ id: idField });
