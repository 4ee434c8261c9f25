'use server';

import { z } from 'zod';
import { allFieldErrors, defineAction } from '@/data/action';
import type { Change } from '@/data/invalidate';
import { addGoalReviewer, removeGoalReviewer } from '@/data/writes/plans';

/**
 * Naming and removing the reviewers of a goal (admins, 'plan.edit'). db/queries/updates/reviewers.ts writes each
 * change with its audit row in one transaction; who may be named is lib/auth/policy's mayBeReviewer.
 */

const changed: Change[] = [{ kind: 'plan' }, { kind: 'progress' }];

const reviewerSchema = z.object({
  // goals.id is an integer column: anything beyond it names no goal (and never reaches the database).
  goalId: z.coerce.number({ error: 'plans.reviewers.goalUnknown' }).int('plans.reviewers.goalUnknown').positive('plans.reviewers.goalUnknown').max(2_147_483_647, 'plans.reviewers.goalUnknown'),
  userId: z.uuid({ error: 'plans.reviewers.userRequired' }),
});

export const addGoalReviewerAction = defineAction({
  policy: 'plan.edit',
  schema: reviewerSchema,
  invalidMessage: allFieldErrors,
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const result = await addGoalReviewer(db, { ...input, actorId: actor.id });
    if (!result.ok) return { ok: false, message: t(result.error === 'goal_not_found' ? 'plans.reviewers.goalUnknown' : 'plans.reviewers.notEligible') };
    return { ok: true, message: t(result.changed ? 'plans.reviewers.added' : 'plans.reviewers.already'), invalidate: changed };
  },
});

export const removeGoalReviewerAction = defineAction({
  policy: 'plan.edit',
  schema: reviewerSchema,
  invalidMessage: allFieldErrors,
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const result = await removeGoalReviewer(db, { ...input, actorId: actor.id });
    if (!result.ok) return { ok: false, message: t('plans.reviewers.goalUnknown') };
    return { ok: true, message: t(result.changed ? 'plans.reviewers.removed' : 'plans.reviewers.notNamed'), invalidate: changed };
  },
});
