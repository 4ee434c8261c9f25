import 'server-only';
import { z } from 'zod';
import { errorResponse } from '@/data/auth/session';
import { toCsv } from '@/lib/csv';
import { EXPENDITURE_COLUMNS } from '@/lib/validation/budget';
import { loadBudgetExport } from './budget';
import { toXlsx } from '@/lib/xlsx';

/**
 * GET /api/budget/export?plan=YEAR&format=csv|xlsx&kind=utilisation|expenditures. Utilisation: one row per
 * level (plan, goal, line, funding source) on the plan's as-of date. Expenditures: the counted ones to that
 * date, in the import's columns (so a file can go back in) plus the amount in base currency. Amounts are the
 * database's decimal text, never re-computed here.
 */
const params = z.object({
  plan: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  format: z.enum(['csv', 'xlsx']).catch('csv'),
  kind: z.enum(['utilisation', 'expenditures']).catch('utilisation'),
});

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export async function exportBudget(request: Request): Promise<Response> {
  let data: Awaited<ReturnType<typeof loadBudgetExport>>;
  const { plan, format, kind } = params.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    data = await loadBudgetExport(plan);
  } catch (error) {
    return errorResponse(error);
  }
  if (!data) return Response.json({ error: 'not_found' }, { status: 404 });
  let headers: string[];
  let rows: string[][];
  if (kind === 'expenditures') {
    headers = [...EXPENDITURE_COLUMNS, `amount_${data.currency.toLowerCase()}`];
    rows = data.expenditures.map((e) => [e.spentOn, e.lineCode, e.amount, e.currency, e.currency === data.currency ? '' : e.rate, e.description, s(e.reference), s(e.evidenceUrl), e.baseAmount]);
  } else {
    headers = ['level', 'code', 'title', 'funding_source', 'currency', 'budget', 'spent', 'remaining', 'utilisation', 'projected_year_end', 'as_of'];
    rows = data.rows.map((r) => [r.level, s(r.code), s(r.title), s(r.fundingSource), data.currency, r.budget, r.spent, r.remaining, r.utilisation === null ? '' : String(r.utilisation), r.projectedYearEnd, data.asOf]);
  }
  const name = `budget-${kind}-${data.plan.year}-${data.asOf}`;
  if (format === 'xlsx') {
    return new Response((await toXlsx([{ name: kind, header: headers, rows }])) as BodyInit, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}.xlsx"`,
        'cache-control': 'no-store',
      },
    });
  }
  return new Response(toCsv(headers, rows), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'cache-control': 'no-store' },
  });
}
