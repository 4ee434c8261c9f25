import 'server-only';
import { getDb } from '@/db';
import { auditBatches, auditFilterOptions, auditPage, type AuditFilters } from '@/db/queries/audit-log';
import { requireUser } from '@/data/auth/session';

/** The audit log's reads, behind the policy ('audit.read'): /admin/audit and its CSV export call these. */

/** One page of the log (newest first, before an id) and the choices of its filters. */
export async function loadAuditPage(filters: AuditFilters, beforeId?: number) {
  await requireUser('audit.read');
  const db = await getDb();
  const [options, page] = await Promise.all([auditFilterOptions(db), auditPage(db, filters, { beforeId })]);
  return { options, page };
}

/** The whole filtered log in batches, for the CSV export to stream. */
export async function auditExportBatches(filters: AuditFilters) {
  await requireUser('audit.read');
  return auditBatches(await getDb(), filters);
}
