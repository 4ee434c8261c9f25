import 'server-only';
import { getDb } from '@/db';
import { committeeReport } from '@/db/queries/report/committee';
import { reportExportRows } from '@/db/queries/report/export';
import { requireUser } from '@/data/auth/session';
import type { CommitteeReportParams } from './report';

export { reportExportHeader } from '@/db/queries/report/export';

/** The report's rows behind the policy (report.export). */
export async function loadReportExport(params: CommitteeReportParams) {
  await requireUser('report.export');
  const report = await committeeReport(await getDb(), { year: params.plan, since: params.since, asOf: params.asOf, knownOn: params.knownOn });
  return report ? { report, rows: reportExportRows(report) } : undefined;
}
