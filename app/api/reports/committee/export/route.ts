import { errorResponse } from '@/data/auth/session';
import { committeeReportParams, inputProblemResponse, ReadModelInputError } from '@/data/report';
import { loadReportExport, reportExportHeader } from '@/data/report-export';
import { fileResponse } from '@/data/updates-export';
import { toXlsx } from '@/lib/xlsx';
import { toCsv } from '@/lib/csv';

/** GET /api/reports/committee/export?format=csv|xlsx&since&asOf&knownOn&plan: the report's standing as a table. */
export async function GET(request: Request): Promise<Response> {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const params = committeeReportParams.parse(search);
  let data: Awaited<ReturnType<typeof loadReportExport>>;
  try {
    data = await loadReportExport(params); // requireUser('report.export') first
  } catch (error) {
    // A date outside the plan is the caller's mistake: 400 with the field.
    if (error instanceof ReadModelInputError) return inputProblemResponse(error);
    return errorResponse(error);
  }
  if (!data) return Response.json({ error: 'not_found' }, { status: 404 });
  const name = `committee-report-${data.report.plan.year}-${data.report.asOf}`;
  return search.format === 'xlsx'
    ? fileResponse(await toXlsx([{ name: 'Report', header: reportExportHeader, rows: data.rows }]), name, 'xlsx')
    : fileResponse(toCsv(reportExportHeader, data.rows), name, 'csv');
}
