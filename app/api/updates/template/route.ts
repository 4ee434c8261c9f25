import { errorResponse } from '@/data/auth/session';
import { loadTemplateRows } from '@/data/updates';
import { fileResponse } from '@/data/updates-export';
import { toXlsx } from '@/lib/xlsx';
import { toCsv } from '@/lib/csv';
import { importColumns } from '@/lib/validation/updates-import';
import { updateListFilters } from '@/lib/validation/updates-filters';

/** GET /api/updates/template?format=csv|xlsx: the import template, one example row per value kind. */
export async function GET(request: Request): Promise<Response> {
  const filters = updateListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  let rows: (string | number | null)[][];
  try {
    rows = await loadTemplateRows(filters.plan); // requireUser('progress.import') first
  } catch (error) {
    return errorResponse(error);
  }
  return filters.format === 'xlsx'
    ? fileResponse(await toXlsx([{ name: 'Updates', header: importColumns, rows }]), 'progress-updates-template', 'xlsx')
    : fileResponse(toCsv(importColumns, rows), 'progress-updates-template', 'csv');
}
