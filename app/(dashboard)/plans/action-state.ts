import type { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Failure } from '@/db/queries/plan-admin/common';
import type { TargetProblem } from '@/lib/validation/plans-indicators';

/**
 * The state every /plans form shares with its server action: a message, field errors (shown by
 * components/ui/field-error.tsx) and the submitted values, to refill the form after an error.
 */
export interface PlanFormState {
  ok?: boolean;
  message?: string;
  /** Further lines shown with the message (e.g. indicators copied without an actual). */
  notes?: string[];
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
}

export type PlanFormAction = (state: PlanFormState, formData: FormData) => Promise<PlanFormState>;
type T = Awaited<ReturnType<typeof getTranslations>>;

/** The submitted strings, to refill the form. */
export function submittedValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) out[key] = value;
  return out;
}

/** Zod's field errors (message keys) translated, for a form that failed validation. */
export function invalidState(t: T, error: z.ZodError, values: Record<string, string>): PlanFormState {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const errors: PlanFormState['errors'] = {};
  for (const [field, keys] of Object.entries(fieldErrors)) errors[field] = keys?.map((k) => t(k));
  return { ok: false, message: t('plans.errors.invalid'), errors, values };
}

/** A refusal from db/queries/plan-admin: its explanation as the message, and under its field when it has one. */
export function failureState(t: T, failure: Failure & { problems?: TargetProblem[] }, values: Record<string, string>): PlanFormState {
  const message = t(`plans.errors.${failure.error}`, failure.params ?? {});
  const problems = failure.problems?.map(({ key, ...params }) => t(`plans.targetProblems.${key}`, params as Record<string, string | number>));
  const errors = failure.field ? { [failure.field]: problems?.length ? problems : [message] } : undefined;
  return { ok: false, message, errors, values };
}
