import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { progressUpdates } from '../../schema';

/**
 * The vocabulary of progress-update writes. Expected refusals are results, not exceptions: each carries a
 * message KEY (under `updates.`) and its values, translated by the caller, attached to the field it concerns.
 */

export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

export type UpdateField =
  | 'indicator'
  | 'period'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'milestone'
  | 'cityId'
  | 'clusterId'
  | 'partnerId'
  | 'note'
  | 'evidenceUrl'
  | 'evidenceFiles'
  | 'reason'
  | 'comment'
  | 'form';

export type FieldErrors = Partial<Record<UpdateField, Problem[]>>;

export type UpdateRow = typeof progressUpdates.$inferSelect;
export type UpdateStatus = UpdateRow['status'];

export const problem = (key: string, values?: Problem['values']): Problem => ({ key, values });

export function addError(errors: FieldErrors, field: UpdateField, p: Problem): void {
  (errors[field] ??= []).push(p);
}

export const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

/** What the audit log and the history keep of an update: its figures, place, period and state. */
export const AUDIT_VIEW_FIELDS = [
  'indicatorId',
  'periodStart',
  'periodEnd',
  'value',
  'numerator',
  'denominator',
  'cityId',
  'clusterId',
  'partnerId',
  'note',
  'evidenceUrl',
  'status',
  'version',
] as const satisfies readonly (keyof UpdateRow)[];

export type AuditView = Pick<UpdateRow, (typeof AUDIT_VIEW_FIELDS)[number]>;

export function auditView(u: UpdateRow): AuditView {
  return Object.fromEntries(AUDIT_VIEW_FIELDS.map((k) => [k, u[k]])) as AuditView;
}

/**
 * auditView in SQL, over a row of progress_updates columns (a table or a `returning *` CTE): a jsonb object with
 * the same keys and values, for an audit row written in the same statement as the update (see auditRowsFrom).
 */
export function auditViewSql(row: { [K in (typeof AUDIT_VIEW_FIELDS)[number]]: SQLWrapper }): SQL {
  return sql`jsonb_build_object(${sql.join(
    AUDIT_VIEW_FIELDS.map((k) => sql`${sql.raw(`'${k}'`)}, ${row[k]}`),
    sql`, `,
  )})`;
}
