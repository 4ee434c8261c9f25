import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiPlan } from '@/data/api/plans';
import { noQuery, planYearParam } from '@/lib/validation/api';

/** One plan with its as-of date and the count of indicators by status. */
export const GET = apiRoute<{ year: string }>('dashboard.read', async ({ params, query }) => {
  parseQuery(noQuery, query);
  return { body: await apiPlan(pathParam(planYearParam, params, 'year')) };
});
