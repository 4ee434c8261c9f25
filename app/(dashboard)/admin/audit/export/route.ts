import { auditExportBatches } from '@/data/audit-log';
import { errorResponse, requireUser } from '@/data/auth/session';
import { csvLines } from '@/lib/csv';
import { filtersOf, parseAuditSearch } from '../params';

const header = ['id', 'at', 'actor_id', 'actor_name', 'actor_email', 'action', 'entity_type', 'entity_id', 'before', 'after'];

/** The audit log as CSV, filtered like /admin/audit; streamed in batches, formulas neutralised for spreadsheets. */
export async function GET(request: Request) {
  try {
    await requireUser('audit.read');
  } catch (error) {
    return errorResponse(error);
  }
  const search = parseAuditSearch(Object.fromEntries(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const batches = await auditExportBatches(filtersOf({ ...search, before: undefined }));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLines([header])}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      const rows = next.value.map((r) => [
        r.id,
        r.at.toISOString(),
        r.actorId ?? '',
        r.actorName ?? '',
        r.actorEmail ?? '',
        r.action,
        r.entityType,
        r.entityId ?? '',
        r.before === null ? '' : JSON.stringify(r.before),
        r.after === null ? '' : JSON.stringify(r.after),
      ]);
      controller.enqueue(encoder.encode(csvLines(rows)));
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${date}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
