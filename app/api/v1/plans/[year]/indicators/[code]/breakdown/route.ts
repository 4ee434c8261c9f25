import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiIndicatorBreakdown } from '@/data/api/plans';
import { codeParam, indicatorQuery, planYearParam } from '@/lib/validation/api';

/** An indicator's value to date by its first disaggregation (cities, clusters or partners), as of a date. */
export const GET = apiRoute<{ year: string; code: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiIndicatorBreakdown(pathParam(planYearParam, params, 'year'), pathParam(codeParam, params, 'code'), parseQuery(indicatorQuery, query)),
}));
