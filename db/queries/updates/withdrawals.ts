import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../client';
import { indicators, progressUpdates, users, withdrawalRequests } from '../../schema';
import { audit } from '../audit';
import { applyChangeIn, errorsOf, patchOf, refuseLocked, type ChangeResult } from './changes';
import { figureOf } from './placement';
import { problem, type FieldErrors, type UpdateRow } from './types';

/**
 * Withdrawing an approved update: the figure is counted by the dashboards, so it leaves them only when a second
 * person agrees. Anyone who may log progress asks, with a reason; an admin other than the one asking approves
 * (the update is withdrawn, its version history and audit row written with the request's decision, in one
 * transaction) or refuses with a comment. Until then the update stays approved and counted.
 */

export type WithdrawalRequest = typeof withdrawalRequests.$inferSelect;

export type RequestResult =
  | { ok: true; request: WithdrawalRequest }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'conflict'; current: UpdateRow }
  | { ok: false; error: 'invalid'; errors: FieldErrors };

export type DecideResult = { ok: true; request: WithdrawalRequest } | { ok: false; error: 'not_found' } | { ok: false; error: 'invalid'; errors: FieldErrors };

const invalid = (errors: FieldErrors) => ({ ok: false as const, error: 'invalid' as const, errors });

export async function requestWithdrawal(
  db: Db,
  input: { updateId: number; version: number; actorId: string; reason: string; now?: Date },
): Promise<RequestResult> {
  const reason = input.reason.trim();
  if (!reason) return invalid({ reason: [problem('updates.validation.reasonRequired')] });
  return db.transaction(async (tx): Promise<RequestResult> => {
    const [current] = await tx.select().from(progressUpdates).where(eq(progressUpdates.id, input.updateId)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    if (current.version !== input.version) return { ok: false, error: 'conflict', current };
    if (current.status !== 'approved') return invalid({ form: [problem('updates.errors.transition', { status: current.status })] });
    const locked = await refuseLocked(tx, current);
    if (locked) return invalid(locked);
    const [open] = await tx
      .select({ id: withdrawalRequests.id })
      .from(withdrawalRequests)
      .where(and(eq(withdrawalRequests.updateId, current.id), isNull(withdrawalRequests.decision)));
    if (open) return invalid({ form: [problem('updates.withdrawal.alreadyRequested')] });
    const [request] = await tx
      .insert(withdrawalRequests)
      .values({ updateId: current.id, requestedBy: input.actorId, reason, requestedAt: input.now ?? new Date() })
      .returning();
    await audit(tx, 'progress.withdrawal_requested', ['progress_update', current.id], input.actorId, {
      after: { requestId: request!.id, reason, version: current.version },
    });
    return { ok: true, request: request! };
  });
}

/**
 * A reviewer's decision on an open request. The one who asked cannot decide it; approving withdraws the update
 * through the same change path as every other change (version kept, audit row), refusing needs a comment.
 */
export async function decideWithdrawal(
  db: Db,
  input: { requestId: number; actorId: string; decision: 'approve' | 'refuse'; comment: string; now?: Date },
): Promise<DecideResult> {
  const comment = input.comment.trim();
  return db.transaction(async (tx): Promise<DecideResult> => {
    const [request] = await tx.select().from(withdrawalRequests).where(eq(withdrawalRequests.id, input.requestId)).for('update');
    if (!request) return { ok: false, error: 'not_found' };
    if (request.decision !== null) return invalid({ form: [problem('updates.withdrawal.alreadyDecided')] });
    if (request.requestedBy === input.actorId) return invalid({ form: [problem('updates.withdrawal.ownRequest')] });
    if (input.decision === 'refuse' && !comment) return invalid({ comment: [problem('updates.validation.commentRequired')] });

    if (input.decision === 'approve') {
      const [update] = await tx.select({ version: progressUpdates.version }).from(progressUpdates).where(eq(progressUpdates.id, request.updateId)).for('update');
      const changed: ChangeResult = await applyChangeIn(tx, {
        updateId: request.updateId,
        version: update!.version,
        actorId: input.actorId,
        reason: request.reason,
        action: 'progress.withdraw',
        decide: async (_tx, current) =>
          current.status === 'withdrawn'
            ? errorsOf({ form: [problem('updates.errors.transition', { status: current.status })] })
            : patchOf({ status: 'withdrawn' }),
      });
      if (!changed.ok) return changed.error === 'invalid' ? invalid(changed.errors) : { ok: false, error: 'not_found' };
    }
    const [decided] = await tx
      .update(withdrawalRequests)
      .set({
        decision: input.decision === 'approve' ? 'approved' : 'refused',
        decidedBy: input.actorId,
        decidedAt: input.now ?? new Date(),
        decisionComment: comment || null,
      })
      .where(eq(withdrawalRequests.id, request.id))
      .returning();
    await audit(tx, input.decision === 'approve' ? 'progress.withdrawal_approved' : 'progress.withdrawal_refused', ['progress_update', request.updateId], input.actorId, {
      before: { requestId: request.id, requestedBy: request.requestedBy, reason: request.reason },
      after: { comment: comment || null },
    });
    return { ok: true, request: decided! };
  });
}

/** The open request of an update, if any, with who asked (for the update page). */
export async function openWithdrawalRequest(db: Db, updateId: number) {
  const [row] = await db
    .select({ request: withdrawalRequests, requesterName: users.name })
    .from(withdrawalRequests)
    .leftJoin(users, eq(users.id, withdrawalRequests.requestedBy))
    .where(and(eq(withdrawalRequests.updateId, updateId), isNull(withdrawalRequests.decision)));
  return row ?? null;
}

const requester = alias(users, 'requester');

export interface OpenWithdrawal {
  request: WithdrawalRequest;
  requesterName: string | null;
  indicatorCode: string;
  indicatorName: string;
  valueKind: (typeof indicators.$inferSelect)['valueKind'];
  unit: string;
  periodStart: string;
  periodEnd: string;
  figure: number | null;
}

/** Every open request, oldest first: the reviewers' queue. */
export async function openWithdrawalRequests(db: Db): Promise<OpenWithdrawal[]> {
  const rows = await db
    .select({ request: withdrawalRequests, requesterName: requester.name, update: progressUpdates, indicatorCode: indicators.code, indicatorName: indicators.name, valueKind: indicators.valueKind, unit: indicators.unit })
    .from(withdrawalRequests)
    .innerJoin(progressUpdates, eq(progressUpdates.id, withdrawalRequests.updateId))
    .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
    .leftJoin(requester, eq(requester.id, withdrawalRequests.requestedBy))
    .where(isNull(withdrawalRequests.decision))
    .orderBy(asc(withdrawalRequests.requestedAt), asc(withdrawalRequests.id))
    .limit(200);
  return rows.map((r) => ({
    request: r.request,
    requesterName: r.requesterName,
    indicatorCode: r.indicatorCode,
    indicatorName: r.indicatorName,
    valueKind: r.valueKind,
    unit: r.unit,
    periodStart: r.update.periodStart,
    periodEnd: r.update.periodEnd,
    figure: figureOf(r.update),
  }));
}
