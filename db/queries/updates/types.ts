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
export function auditView(u: UpdateRow) {
  return {
    indicatorId: u.indicatorId,
    periodStart: u.periodStart,
    periodEnd: u.periodEnd,
    value: u.value,
    numerator: u.numerator,
    denominator: u.denominator,
    cityId: u.cityId,
    clusterId: u.clusterId,
    partnerId: u.partnerId,
    note: u.note,
    evidenceUrl: u.evidenceUrl,
    status: u.status,
    version: u.version,
  };
}
