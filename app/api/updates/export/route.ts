import { errorResponse } from '@/data/auth/session';
import { loadExportRows } from '@/data/updates';
import { exportCells, exportHeader, fileResponse } from '@/data/updates-export';
import { toXlsx } from '@/lib/xlsx';
import { toCsv } from '@/lib/csv';
import { updateListFilters } from '@/lib/validation/updates-filters';

/** GET /api/updates/export?format=csv|xlsx&plan&goal&indicator&period&reporter&status: updates as on screen. */
export async function GET(request: Request): Promise<Response> {
  const filters = updateListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  let data: Awaited<ReturnType<typeof loadExportRows>>;
  try {
    data = await loadExportRows(filters); // requireUser('report.export') first
  } catch (error) {
    return errorResponse(error);
  }
  const rows = data.rows.map(exportCells);
  const name = `progress-updates-${data.plan?.year ?? 'none'}${filters.indicator ? `-${filters.indicator}` : ''}`;
  return filters.format === 'xlsx'
    ? fileResponse(await toXlsx([{ name: 'Updates', header: exportHeader, rows }]), name, 'xlsx')
    : fileResponse(toCsv(exportHeader, rows), name, 'csv');
}
