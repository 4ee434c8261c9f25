import { errorResponse, requireUser } from '@/data/auth/session';
import { yearField } from '@/lib/validation/plans';
import { loadPlanWorkbook } from '@/data/plans';

/** GET /api/plans/2020/export: the plan as an XLSX workbook (goals, indicators with targets), for any reader who may export. */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  try {
    await requireUser('report.export');
  } catch (error) {
    return errorResponse(error);
  }
  const year = yearField.safeParse((await params).year);
  if (!year.success) return Response.json({ error: 'not_found' }, { status: 404 });
  const workbook = await loadPlanWorkbook(year.data);
  if (!workbook) return Response.json({ error: 'not_found' }, { status: 404 });
  return new Response(new Uint8Array(workbook.body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="work-plan-${workbook.year}.xlsx"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
