import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { progressUpdates, workPlans } from '../../schema';

/**
 * Shared pieces of the work-plan administration. Every function in db/queries/plan-admin takes the
 * database, enforces the rules that hold whoever calls it (server action, import, test), and writes each
 * change in one transaction with its audit row. Expected refusals are results, not exceptions: the caller
 * maps `error` (a key under `plans.errors`) and `field` to the form.
 */

export type PlanAdminError =
  | 'not_found'
  | 'plan_closed'
  | 'plan_not_draft'
  | 'plan_not_endorsed'
  | 'plan_empty'
  | 'year_taken'
  | 'year_already_endorsed'
  | 'copy_source_invalid'
  | 'close_before_end'
  | 'meeting_invalid'
  | 'dates_conflict'
  | 'code_taken'
  | 'goal_invalid'
  | 'owner_invalid'
  | 'target_date_outside_plan'
  | 'structural_change_with_updates'
  | 'milestones_fixed_after_endorsement'
  | 'targets_inconsistent'
  | 'revision_needs_reason'
  | 'revision_date_invalid'
  | 'already_retired'
  | 'import_has_errors';

export interface Failure {
  ok: false;
  error: PlanAdminError;
  /** The form field the error belongs to, when it belongs to one. */
  field?: string;
  /** Values for the message (a year, a list of fields…). */
  params?: Record<string, string | number>;
}

export const fail = (error: PlanAdminError, field?: string, params?: Failure['params']): Failure => ({
  ok: false,
  error,
  ...(field ? { field } : {}),
  ...(params ? { params } : {}),
});

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type WorkPlanRow = typeof workPlans.$inferSelect;

/** Locks the plan row for the rest of the transaction, so concurrent changes to one plan serialize. */
export async function lockPlan(tx: Tx | Db, planId: number): Promise<WorkPlanRow | undefined> {
  const [plan] = await tx.select().from(workPlans).where(eq(workPlans.id, planId)).for('update');
  return plan;
}

/** Goals, indicators and targets can change in drafts and endorsed plans; a closed plan is a record. */
export function refuseIfClosed(plan: WorkPlanRow): Failure | null {
  return plan.status === 'closed' ? fail('plan_closed') : null;
}

/** Whether any progress update (of any status) was ever logged against the indicator. */
export async function indicatorHasUpdates(tx: Tx | Db, indicatorId: number): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(progressUpdates)
    .where(eq(progressUpdates.indicatorId, indicatorId))
    .limit(1);
  return row !== undefined;
}

/** Postgres unique violation (23505) on the named constraint, through Drizzle's error wrapping, on both drivers. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: name, constraint_name: pgName, message } = e as Record<string, unknown>;
    if (code === '23505') return name === constraint || pgName === constraint || String(message).includes(constraint);
  }
  return false;
}

/** A row's fields for the audit log: dates as ISO strings, no secrets (plans hold none). */
export function auditView<T extends Record<string, unknown>>(row: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = row[key];
    out[String(key)] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
