import 'server-only';
import type { UpdateListRow } from '@/db/queries/updates/lists';

/**
 * Exports and templates as CSV (UTF-8 with a byte-order mark, so spreadsheets read non-ASCII names right; cells
 * that would run as formulas are defused) or XLSX (exceljs), with codes and names ready for a spreadsheet.
 */

export const exportHeader = [
  'id', 'goal_code', 'indicator_code', 'indicator_name', 'value_kind', 'unit', 'period_start', 'period_end', 'value',
  'numerator', 'denominator', 'city', 'cluster', 'partner', 'status', 'note', 'evidence_url', 'reported_by',
  'reported_at', 'updated_at', 'reviewed_by', 'reviewed_at', 'review_comment',
] as const;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '');

export function exportCells(r: UpdateListRow): (string | number | null)[] {
  return [
    r.id, r.goalCode, r.indicatorCode, r.indicatorName, r.valueKind, r.unit, r.periodStart, r.periodEnd, r.value,
    r.numerator, r.denominator, r.cityName, r.clusterName, r.partnerName, r.status, r.note, r.evidenceUrl,
    r.reporterName, iso(r.createdAt), iso(r.updatedAt), r.reviewerName, iso(r.reviewedAt), r.reviewComment,
  ];
}


export function fileResponse(body: string | Uint8Array, name: string, format: 'csv' | 'xlsx'): Response {
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(body as BodyInit, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${name}.${format}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
