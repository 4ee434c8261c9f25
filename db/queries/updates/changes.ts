import { and, eq } from 'drizzle-orm';
import { figuresSchema } from '@/lib/validation/updates';
import type { Db } from '../../client';
import { indicators, progressUpdates, progressUpdateVersions, users } from '../../schema';
import { audit, type DbOrTx } from '../audit';
import { attachEvidence, evidenceCountProblem, type EvidenceUpload } from '../evidence';
import { figureErrors } from './create';
import { windowProblem, windowStateFor, type WindowState } from '../cycle/windows';
import { notifyReviewed } from '../notifications/events';
import { findLock, lockProblem } from './placement';
import { correctionWarnings } from './quality';
import { needsNote, NOTE_REQUIRED } from '@/lib/quality/flags';
import { reviewVerdict } from '@/lib/auth/policy';
import { isOwnUpdate, reviewsGoalOf } from './reviewers';
import { auditView, hasErrors, problem, type FieldErrors, type Problem, type UpdateRow, type UpdateStatus } from './types';

/**
 * Every change to an existing update — correction, withdrawal, submit, approve, return — goes through
 * `applyChange`: optimistic locking on `version` (the caller names the version it saw; someone else's change in
 * between is a conflict, never overwritten), the previous state copied to progress_update_versions with who
 * and why, the new version written, and an audit row, all in one transaction. Nothing is ever deleted.
 */

export type ChangeResult =
  | { ok: true; update: UpdateRow }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'conflict'; current: UpdateRow }
  | { ok: false; error: 'invalid'; errors: FieldErrors; warnings?: Problem[] };

type Patch = Partial<
  Pick<UpdateRow, 'value' | 'numerator' | 'denominator' | 'note' | 'evidenceUrl' | 'status' | 'late' | 'reviewedBy' | 'reviewedAt' | 'reviewComment'>
>;

export interface ChangeSpec {
  updateId: number;
  version: number;
  actorId: string | null;
  reason: string | null;
  action: string;
  decide: (tx: DbOrTx, current: UpdateRow, window: WindowState | undefined) => Promise<Decision>;
  /** More of the change for its audit row (a review names the reporter beside the reviewer, who is its actor). */
  auditExtra?: (updated: UpdateRow) => Record<string, unknown>;
  /** Written in the same transaction after the change (its notifications), given the changed row. */
  after?: (tx: DbOrTx, updated: UpdateRow) => Promise<void>;
}

/** A refusal may carry the data-quality flags that asked for it (a correction's flagged value without its note). */
export type Decision = { patch: Patch } | { errors: FieldErrors; warnings?: Problem[] };
export const errorsOf = (errors: FieldErrors): Decision => ({ errors });
export const patchOf = (patch: Patch): Decision => ({ patch });

/**
 * Which status changes are allowed, and from where. An approved update is counted by the dashboards, so it is
 * not withdrawn directly: someone asks (withdrawals.ts) and a reviewer other than them decides.
 */
export const transitions: Record<'submit' | 'approve' | 'return' | 'withdraw', readonly UpdateStatus[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  withdraw: ['draft', 'submitted', 'returned'],
};

/**
 * What refuses any write on an existing update: a period lock an admin placed, or the submission window (not open
 * yet, or closed and not reopened). The window's state is handed on (a submission after the due date is late).
 */
export async function periodRefusal(tx: DbOrTx, current: UpdateRow): Promise<{ errors?: FieldErrors; window?: WindowState }> {
  const [ind] = await tx
    .select({ planId: indicators.planId, frequency: indicators.frequency })
    .from(indicators)
    .where(eq(indicators.id, current.indicatorId));
  if (!ind) return {};
  const [lock, window] = await Promise.all([
    findLock(tx, ind.planId, current.indicatorId, current.periodEnd),
    windowStateFor(tx, ind.planId, { id: current.indicatorId, frequency: ind.frequency }, { start: current.periodStart, end: current.periodEnd }),
  ]);
  if (lock) return { errors: { period: [lockProblem(lock)] }, window };
  const refused = windowProblem(window);
  return refused ? { errors: { period: [refused] }, window } : { window };
}

export async function refuseLocked(tx: DbOrTx, current: UpdateRow): Promise<FieldErrors | undefined> {
  return (await periodRefusal(tx, current)).errors;
}

function applyChange(db: Db, spec: ChangeSpec): Promise<ChangeResult> {
  return db.transaction((tx) => applyChangeIn(tx, spec));
}

/** applyChange inside a transaction the caller already holds (a withdrawal decided together with its request). */
export async function applyChangeIn(tx: DbOrTx, spec: ChangeSpec): Promise<ChangeResult> {
  // The row lock serializes concurrent changes: the second waits, then sees the first one's version.
  const [current] = await tx.select().from(progressUpdates).where(eq(progressUpdates.id, spec.updateId)).for('update');
  if (!current) return { ok: false, error: 'not_found' };
  if (current.version !== spec.version) return { ok: false, error: 'conflict', current };
  const refusal = await periodRefusal(tx, current);
  if (refusal.errors) return { ok: false, error: 'invalid', errors: refusal.errors };
  const decision = await spec.decide(tx, current, refusal.window);
  if ('errors' in decision) return { ok: false, error: 'invalid', errors: decision.errors, ...(decision.warnings && { warnings: decision.warnings }) };
  const patch = decision.patch;
  await tx.insert(progressUpdateVersions).values({
    updateId: current.id,
    version: current.version,
    value: current.value,
    numerator: current.numerator,
    denominator: current.denominator,
    periodStart: current.periodStart,
    periodEnd: current.periodEnd,
    cityId: current.cityId,
    clusterId: current.clusterId,
    partnerId: current.partnerId,
    note: current.note,
    evidenceUrl: current.evidenceUrl,
    status: current.status,
    changedBy: spec.actorId,
    reason: spec.reason,
  });
  const [updated] = await tx
    .update(progressUpdates)
    .set({ ...patch, version: current.version + 1 })
    .where(and(eq(progressUpdates.id, current.id), eq(progressUpdates.version, spec.version)))
    .returning();
  if (!updated) return { ok: false, error: 'conflict', current };
  await audit(tx, spec.action, ['progress_update', current.id], spec.actorId, {
    before: auditView(current),
    after: { ...auditView(updated), reason: spec.reason, ...spec.auditExtra?.(updated) },
  });
  await spec.after?.(tx, updated);
  return { ok: true, update: updated };
}

export function refuseTransition(current: UpdateRow, allowed: readonly UpdateStatus[]): Decision | undefined {
  if (allowed.includes(current.status)) return undefined;
  return errorsOf({ form: [problem('updates.errors.transition', { status: current.status })] });
}

export interface Target {
  updateId: number;
  version: number;
  actorId: string | null;
}

/**
 * A correction: new figures (parsed by the indicator's kind), note and evidence, with a required reason.
 * Correcting an approved update sends it back for review, so nothing the dashboards count changes unreviewed.
 * The corrected figures are flagged again as a new value is (judged against the rest of its series): a flagged
 * correction needs a note, the same rule as the log form's and the import's.
 */
export function correctUpdate(
  db: Db,
  input: Target & { figures: Record<string, unknown>; note: string; evidenceUrl: string; reason: string; evidence?: readonly EvidenceUpload[] },
): Promise<ChangeResult> {
  const files = input.evidence ?? [];
  return applyChange(db, {
    ...input,
    action: 'progress.correct',
    decide: async (tx, current) => {
      if (current.status === 'withdrawn') return errorsOf({ form: [problem('updates.errors.withdrawn')] });
      // Counted under the update's row lock: two corrections at once cannot both add a fifth file.
      const tooMany = await evidenceCountProblem(tx, current.id, files.length);
      if (tooMany) return errorsOf(tooMany);
      const [ind] = await tx.select().from(indicators).where(eq(indicators.id, current.indicatorId));
      const figures = figuresSchema(ind!.valueKind).safeParse(input.figures);
      const errors: FieldErrors = {};
      if (!figures.success) figureErrors(figures.error, errors);
      if (!figures.success || hasErrors(errors)) return errorsOf(errors);
      const warnings = await correctionWarnings(tx, current, ind!, figures.data);
      if (needsNote(warnings, input.note)) return { errors: { note: [problem(NOTE_REQUIRED)] }, warnings };
      return patchOf({
        ...figures.data,
        note: input.note || null,
        evidenceUrl: input.evidenceUrl || null,
        status: current.status === 'approved' ? 'submitted' : current.status,
      });
    },
    after: (tx, updated) => attachEvidence(tx, updated.id, files, input.actorId),
  });
}

/** Withdraws an update nobody counts yet (draft, submitted, returned); an approved one needs a reviewed request. */
export function withdrawUpdate(db: Db, input: Target & { reason: string }): Promise<ChangeResult> {
  return applyChange(db, {
    ...input,
    action: 'progress.withdraw',
    decide: async (_tx, current) => {
      if (current.status === 'approved') return errorsOf({ form: [problem('updates.errors.withdrawNeedsReview')] });
      return refuseTransition(current, transitions.withdraw) ?? patchOf({ status: 'withdrawn' });
    },
  });
}

/** Draft → submitted, or a returned update resubmitted. */
export function submitUpdate(db: Db, input: Target): Promise<ChangeResult> {
  return applyChange(db, {
    ...input,
    reason: null,
    action: 'progress.submit',
    decide: async (_tx, current, window) =>
      refuseTransition(current, transitions.submit) ?? patchOf({ status: 'submitted', late: current.late || Boolean(window?.late) }),
  });
}

/**
 * A reviewer's decision on a submitted update; returning it needs a comment the reporter will see. Who may decide
 * is lib/auth/policy's reviewVerdict: an admin or a named reviewer of the update's goal, and never the reporter
 * or whoever last changed it (a second person checks every counted figure), whatever their role.
 */
export function reviewUpdate(
  db: Db,
  input: Target & { actorRole: string; decision: 'approve' | 'return'; comment: string; now?: Date },
): Promise<ChangeResult> {
  return applyChange(db, reviewSpec(input));
}

function reviewSpec(input: Target & { actorRole: string; decision: 'approve' | 'return'; comment: string; now?: Date }): ChangeSpec {
  // The audit row names who reported the figure beside who decided (its actor), readable as it stands in the log.
  let reporterName: string | null = null;
  return {
    ...input,
    reason: input.comment || null,
    action: input.decision === 'approve' ? 'progress.approve' : 'progress.return',
    auditExtra: (updated) => ({ reportedBy: updated.reportedBy, reportedByName: reporterName, reviewedBy: updated.reviewedBy }),
    after: (tx, updated) => notifyReviewed(tx, updated, input.actorId),
    decide: async (tx, current) => {
      const refused = refuseTransition(current, transitions[input.decision]);
      if (refused) return refused;
      const [own, reviewsGoal] = input.actorId
        ? await Promise.all([isOwnUpdate(tx, input.actorId, current.id), reviewsGoalOf(tx, input.actorId, current.id)])
        : [false, false];
      const verdict = reviewVerdict({ role: input.actorRole, reviewsGoal }, { own });
      if (verdict === 'own') return errorsOf({ form: [problem('updates.errors.ownReview')] });
      if (verdict === 'notReviewer') return errorsOf({ form: [problem('updates.errors.notReviewer')] });
      if (input.decision === 'return' && !input.comment.trim()) {
        return errorsOf({ comment: [problem('updates.validation.commentRequired')] });
      }
      if (current.reportedBy) {
        const [reporter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, current.reportedBy));
        reporterName = reporter?.name ?? null;
      }
      return patchOf({
        status: input.decision === 'approve' ? 'approved' : 'returned',
        reviewedBy: input.actorId,
        reviewedAt: input.now ?? new Date(),
        reviewComment: input.comment || null,
      });
    },
  };
}

export type BulkApproveResult = { updateId: number; result: ChangeResult }[];

/**
 * Approves several updates the reviewer saw in the queue, ONE TRANSACTION PER UPDATE, in the order given: each is
 * checked and refused on its own (the reviewer's own update, another goal's, changed since it was shown, a closed
 * period) while the others are approved. Each approval is a change of its own — its version row, audit row and
 * notification — exactly as if approved one by one, so a refusal of one never costs the reviewer the others they
 * checked, and nothing half-done is ever left: every update is either approved with its audit row or unchanged.
 */
export async function approveUpdates(
  db: Db,
  input: { items: { updateId: number; version: number }[]; actorId: string | null; actorRole: string; now?: Date },
): Promise<BulkApproveResult> {
  const out: BulkApproveResult = [];
  for (const item of input.items) {
    const result = await applyChange(db, reviewSpec({ ...item, actorId: input.actorId, actorRole: input.actorRole, decision: 'approve', comment: '', now: input.now }));
    out.push({ updateId: item.updateId, result });
  }
  return out;
}
