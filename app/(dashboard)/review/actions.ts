'use server';

import { z } from 'zod';
import { allFieldErrors, defineAction } from '@/data/action';
import type { Change } from '@/data/invalidate';
import { changeFailure } from '@/data/updates-change-messages';
import { bulkApproveSchema, lockSchema, reviewSchema, unlockSchema, withdrawalDecisionSchema } from '@/lib/validation/updates';
import { approveUpdates, decideWithdrawal, lockPeriod, reviewUpdate, unlockPeriod } from '@/data/writes/updates';
import { findPlan } from '@/data/writes/plans';

/**
 * Review and period locks: db/queries/updates enforces the allowed transitions and writes the audit row.
 */

const progressChanged: Change[] = [{ kind: 'progress' }];

export const reviewUpdateAction = defineAction({
  policy: 'progress.approve',
  schema: reviewSchema,
  fields: ['updateId', 'version', 'decision', 'comment'],
  invalidMessage: allFieldErrors,
  body: async ({ db, actor, input, t }) => {
    const result = await reviewUpdate(db, { ...input, actorId: actor.id, actorRole: actor.role });
    if (!result.ok) return changeFailure(result);
    return { ok: true, message: t(input.decision === 'approve' ? 'updates.review.approved' : 'updates.review.returned'), invalidate: progressChanged };
  },
});

/**
 * Approves the updates the reviewer ticked in the queue (each `id:version` as shown), one transaction each
 * (db/queries/updates/changes.ts approveUpdates): each is refused on its own — own update, another goal's, changed
 * meanwhile — and the answer says how many were approved and why the others were not.
 */
export const approveUpdatesAction = defineAction({
  policy: 'progress.approve',
  schema: bulkApproveSchema,
  multi: ['items'],
  invalidMessage: allFieldErrors,
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const results = await approveUpdates(db, { items: input.items, actorId: actor.id, actorRole: actor.role });
    const approved = results.filter((r) => r.result.ok).length;
    const refusals = await Promise.all(
      results.flatMap((r) => (r.result.ok ? [] : [changeFailure(r.result).then((f) => t('updates.review.bulkRefused', { id: r.updateId, reason: f.message }))])),
    );
    const message = [t('updates.review.bulkApproved', { count: approved }), ...refusals].join(' ');
    if (approved === 0) return { ok: false, message };
    return { ok: true, message, invalidate: progressChanged };
  },
});

/** A reviewer approves (the update is withdrawn) or refuses (it stays counted) a request to withdraw. */
export const decideWithdrawalAction = defineAction({
  policy: 'progress.review',
  schema: withdrawalDecisionSchema,
  fields: ['requestId', 'decision', 'comment'],
  invalidMessage: allFieldErrors,
  body: async ({ db, actor, input, t }) => {
    const result = await decideWithdrawal(db, { ...input, actorId: actor.id });
    if (!result.ok) return changeFailure(result.error === 'not_found' ? { ok: false, error: 'not_found' } : result);
    const message = t(input.decision === 'approve' ? 'updates.withdrawal.approved' : 'updates.withdrawal.refused');
    return { ok: true, message, invalidate: progressChanged };
  },
});

export const lockPeriodAction = defineAction({
  policy: 'period.lock',
  schema: lockSchema.extend({ plan: z.coerce.number().int().positive().optional().catch(undefined) }),
  invalidMessage: 'updates.locks.invalid',
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const plan = await findPlan(db, input.plan);
    if (!plan) return { ok: false, message: t('updates.locks.invalid') };
    const [periodStart, periodEnd] = input.period.split('_') as [string, string];
    const result = await lockPeriod(db, { planId: plan.id, indicatorId: input.indicatorId ?? null, periodStart, periodEnd, actorId: actor.id });
    if (!result.ok) return { ok: false, message: t('updates.locks.invalid') };
    return { ok: true, message: t(result.created ? 'updates.locks.locked' : 'updates.locks.alreadyLocked'), invalidate: progressChanged };
  },
});

export const unlockPeriodAction = defineAction({
  policy: 'period.lock',
  schema: unlockSchema,
  invalidMessage: 'updates.locks.invalid',
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const result = await unlockPeriod(db, { lockId: input.lockId, actorId: actor.id });
    if (!result.ok) return { ok: false, message: t('updates.locks.notFound') };
    return { ok: true, message: t('updates.locks.unlocked'), invalidate: progressChanged };
  },
});
