import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiBudgetLines } from '@/data/api/budget';
import { budgetLinesQuery, planYearParam } from '@/lib/validation/api';

/** A plan's budget lines with their revisions (date, old and new amount, reason). */
export const GET = apiRoute<{ year: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiBudgetLines(pathParam(planYearParam, params, 'year'), parseQuery(budgetLinesQuery, query)),
}));
