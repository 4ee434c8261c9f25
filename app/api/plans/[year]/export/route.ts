import { getDb } from '@/db';
import { exportPlanWorkbook } from '@/db/queries/plan-admin/export';
import { findPlan } from '@/db/queries/plans';
import { errorResponse, requireUser } from '@/data/auth/session';
import { yearField } from '@/lib/validation/plans';

/** GET /api/plans/2020/export: the plan as an XLSX workbook (goals, indicators with targets), for any reader who may export. */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  try {
    await requireUser('report.export');
  } catch (error) {
    return errorResponse(error);
  }
  const year = yearField.safeParse((await params).year);
  if (!year.success) return Response.json({ error: 'not_found' }, { status: 404 });
  const db = await getDb();
  const plan = await findPlan(db, year.data);
  if (!plan || plan.year !== year.data) return Response.json({ error: 'not_found' }, { status: 404 });
  const body = await exportPlanWorkbook(db, plan.id);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="work-plan-${plan.year}.xlsx"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
