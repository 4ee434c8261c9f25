import type { CommitteeReport } from './committee';

/**
 * The committee report's standing as a table (CSV or XLSX): one row per indicator with the figures the report
 * page and its PDF show — the read model's actual, target to date, achievement and status now and then.
 */
export const reportExportHeader = [
  'goal_code', 'indicator_code', 'indicator_name', 'value_kind', 'unit', 'as_of', 'known_on', 'actual', 'numerator',
  'denominator', 'target_to_date', 'final_target', 'achievement', 'status', 'since', 'actual_then', 'status_then',
] as const;

const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

export function reportExportRows(report: CommitteeReport): (string | number | null)[][] {
  return report.goals.flatMap((g) =>
    g.indicators.map((i) => [
      g.code, i.code, i.name, i.valueKind, i.unit, report.asOf, report.knownOn ?? '', i.now.actual.value, i.now.actual.numerator,
      i.now.actual.denominator, i.now.targetToDate, i.now.finalTarget, finite(i.now.achievement), i.now.status, report.since,
      i.then.actual.value, i.then.status,
    ]),
  );
}
