'use server';

import { defineAction } from '@/data/action';
import { closePlanSchema, createPlanSchema, editPlanSchema, endorsePlanSchema, goalSchema, moveSchema, retireSchema } from '@/lib/validation/plans';
import { failureState, planChanged } from './action-state';
import { closePlan, createPlan, endorsePlan, moveGoal, retireGoal, saveGoal, updatePlan } from '@/data/writes/plans';

/**
 * Server actions for plans and goals ('plan.edit'). db/queries/plan-admin enforces the rules and writes the audit
 * row in the change's transaction.
 */

const plans = { policy: 'plan.edit', invalidMessage: 'plans.errors.invalid' } as const;

export const createPlanAction = defineAction({
  ...plans,
  schema: createPlanSchema,
  fields: ['year', 'title', 'titleZh', 'startDate', 'endDate', 'copyFromPlanId'],
  body: async ({ db, actor, input, values, t }) => {
    const result = await createPlan(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, values);
    // The plan page confirms the creation; codes copied without an actual ride along to be listed there.
    const noActual = result.copy?.withoutActual.length ? `&noActual=${encodeURIComponent(result.copy.withoutActual.join(','))}` : '';
    return { ok: true, invalidate: planChanged, redirectTo: `/plans/${result.plan.year}?created=1${noActual}` };
  },
});

export const updatePlanAction = defineAction({
  ...plans,
  schema: editPlanSchema,
  fields: ['planId', 'title', 'titleZh', 'startDate', 'endDate'],
  body: async ({ db, actor, input, values, t }) => {
    const result = await updatePlan(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, values);
    return { ok: true, message: t(result.changed ? 'plans.saved' : 'plans.unchanged'), invalidate: planChanged };
  },
});

export const endorsePlanAction = defineAction({
  ...plans,
  schema: endorsePlanSchema,
  fields: ['planId', 'endorsedOn', 'meetingId'],
  body: async ({ db, actor, input, values, t }) => {
    const result = await endorsePlan(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, values);
    return { ok: true, message: t('plans.endorse.done', { year: result.plan.year }), invalidate: planChanged };
  },
});

export const closePlanAction = defineAction({
  ...plans,
  schema: closePlanSchema,
  fields: ['planId', 'closedOn'],
  body: async ({ db, actor, input, values, t }) => {
    const result = await closePlan(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, values);
    return { ok: true, message: t('plans.close.done', { year: result.plan.year }), invalidate: planChanged };
  },
});

export const saveGoalAction = defineAction({
  ...plans,
  schema: goalSchema,
  fields: ['planId', 'goalId', 'code', 'title', 'titleZh', 'description', 'descriptionZh'],
  body: async ({ db, actor, input, values, t }) => {
    const result = await saveGoal(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, values);
    if (input.goalId === null) return { ok: true, message: t('plans.goal.created', { code: result.goal.code }), invalidate: planChanged };
    return { ok: true, message: t(result.changed ? 'plans.saved' : 'plans.unchanged'), values, invalidate: planChanged };
  },
});

/** Moving and retiring are buttons: a bad request is one message, with nothing to refill. */
const button = { policy: 'plan.edit', invalidMessage: 'plans.validation.invalid', refill: false } as const;

export const moveGoalAction = defineAction({
  ...button,
  schema: moveSchema,
  body: async ({ db, actor, input, t }) => {
    const result = await moveGoal(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, {});
    return { ok: true, message: t(result.moved ? 'plans.goal.moved' : 'plans.unchanged'), invalidate: planChanged };
  },
});

export const retireGoalAction = defineAction({
  ...button,
  schema: retireSchema,
  body: async ({ db, actor, input, t }) => {
    const result = await retireGoal(db, { ...input, actorId: actor.id });
    if (!result.ok) return failureState(t, result, {});
    return { ok: true, message: t('plans.goal.retired', { code: result.goal.code }), invalidate: planChanged };
  },
});
