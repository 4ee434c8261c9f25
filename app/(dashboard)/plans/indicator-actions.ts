'use server';

import { defineAction } from '@/data/action';
import { moveSchema, retireSchema, yearField } from '@/lib/validation/plans';
import { indicatorFieldNames, indicatorSchema, targetsSchema } from '@/lib/validation/plans-indicators';
import { failureState, planChanged } from './action-state';
import { moveIndicator, retireIndicator, saveIndicator, setTargets } from '@/data/writes/plans';

/**
 * Server actions for indicators and their targets ('plan.edit'); db/queries/plan-admin holds the rules, the
 * target revisions and the audit rows.
 */

export const saveIndicatorAction = defineAction({
  policy: 'plan.edit',
  schema: indicatorSchema,
  fields: indicatorFieldNames,
  multi: ['disaggregations'],
  invalidMessage: 'plans.errors.invalid',
  body: async ({ db, actor, input, values, formData, t }) => {
    const result = await saveIndicator(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, values);
    const year = yearField.safeParse(formData.get('year'));
    if (input.indicatorId === null && year.success) {
      // Straight on to the milestones, which need the indicator to exist.
      return { ok: true, invalidate: planChanged, redirectTo: `/plans/${year.data}/indicators/${encodeURIComponent(result.indicator.code)}/edit?created=1` };
    }
    const message = t(result.changed ? 'plans.saved' : 'plans.unchanged');
    return { ok: true, message, notes: result.milestonesCleared ? [t('plans.indicator.milestonesCleared')] : undefined, values, invalidate: planChanged };
  },
});

/** The milestone fields are named by period (`milestone:<period end>`); a bad value is reported under them all. */
function milestones(formData: FormData) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('milestone:') && typeof value === 'string') out[key.slice('milestone:'.length)] = value;
  }
  return { milestones: out };
}

export const setTargetsAction = defineAction({
  policy: 'plan.edit',
  schema: targetsSchema,
  fields: ['indicatorId', 'finalTarget', 'effectiveOn', 'reason'],
  collect: milestones,
  invalidMessage: 'plans.errors.invalid',
  body: async ({ db, actor, input, values, t }) => {
    const result = await setTargets(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, values);
    if (!result.changed) return { ok: true, message: t('plans.unchanged'), values, invalidate: planChanged };
    const message = result.revisions > 0 ? t('plans.targets.revised', { count: result.revisions }) : t('plans.targets.saved');
    return { ok: true, message, invalidate: planChanged };
  },
});

const button = { policy: 'plan.edit', invalidMessage: 'plans.validation.invalid', refill: false } as const;

export const moveIndicatorAction = defineAction({
  ...button,
  schema: moveSchema,
  body: async ({ db, actor, input, t }) => {
    const result = await moveIndicator(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, {});
    return { ok: true, message: t(result.moved ? 'plans.goal.moved' : 'plans.unchanged'), invalidate: planChanged };
  },
});

export const retireIndicatorAction = defineAction({
  ...button,
  schema: retireSchema,
  body: async ({ db, actor, input, t }) => {
    const result = await retireIndicator(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, {});
    return { ok: true, message: t('plans.indicator.retired', { code: result.indicator.code }), invalidate: planChanged };
  },
});
