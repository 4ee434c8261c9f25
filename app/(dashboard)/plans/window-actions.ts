'use server';

import { type ActionFailure, allFieldErrors, type Db, defineAction, type Translator } from '@/data/action';
import type { Change } from '@/data/invalidate';
import { cycleSchema, reopenSchema, windowDatesSchema } from '@/lib/validation/cycle';
import { findPlan, reopenPeriod, setCycle, setWindow } from '@/data/writes/plans';

/**
 * Submission windows (admins, 'period.lock'): turn a plan's windows on, set a period's dates, reopen a closed
 * period with a reason. db/queries/cycle writes each change with its audit row in one transaction.
 */

const changed: Change[] = [{ kind: 'window' }];

/** The plan the form names, or the refusal the form shows. */
async function planOf(db: Db, t: Translator, id: number) {
  const plan = await findPlan(db, id);
  return plan ? { plan } : { refusal: { ok: false, message: t('cycle.validation.plan') } satisfies ActionFailure };
}

/** The write function's refusals (field → catalog key under cycle.validation) as field errors. */
function refused(t: Translator, errors: Record<string, string>): ActionFailure {
  const fields = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, [t(`cycle.validation.${key}`)]]));
  return { ok: false, message: allFieldErrors(fields), errors: fields };
}

export const setCycleAction = defineAction({
  policy: 'period.lock',
  schema: cycleSchema,
  invalidMessage: allFieldErrors,
  body: async ({ db, actor, input, t }) => {
    const { plan, refusal } = await planOf(db, t, input.plan);
    if (!plan) return refusal;
    const result = await setCycle(db, { planId: plan.id, enforced: input.enforced, reminderDays: input.reminderDays, actorId: actor.id });
    if (!result.ok) return refused(t, result.errors);
    return { ok: true, message: t('cycle.windows.saved'), invalidate: changed };
  },
});

export const setWindowAction = defineAction({
  policy: 'period.lock',
  schema: windowDatesSchema,
  invalidMessage: allFieldErrors,
  body: async ({ db, actor, input, t }) => {
    const { plan, refusal } = await planOf(db, t, input.plan);
    if (!plan) return refusal;
    const { opensOn, dueOn, closesOn, period } = input;
    const result = await setWindow(db, {
      planId: plan.id,
      frequency: period.frequency,
      period: { start: period.start, end: period.end },
      window: { opensOn, dueOn, closesOn },
      actorId: actor.id,
    });
    if (!result.ok) return refused(t, result.errors);
    return { ok: true, message: t('cycle.windows.datesSaved'), invalidate: changed };
  },
});

export const reopenPeriodAction = defineAction({
  policy: 'period.lock',
  schema: reopenSchema,
  invalidMessage: allFieldErrors,
  body: async ({ db, actor, input, t }) => {
    const { plan, refusal } = await planOf(db, t, input.plan);
    if (!plan) return refusal;
    const result = await reopenPeriod(db, {
      planId: plan.id,
      indicatorId: input.indicatorId ?? null,
      periodEnd: input.periodEnd,
      until: input.until,
      reason: input.reason,
      actorId: actor.id,
    });
    if (!result.ok) return refused(t, result.errors);
    return { ok: true, message: t('cycle.windows.reopened'), invalidate: changed };
  },
});
