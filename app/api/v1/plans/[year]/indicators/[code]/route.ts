import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiIndicator } from '@/data/api/plans';
import { codeParam, indicatorQuery, planYearParam } from '@/lib/validation/api';

/** One indicator: definition, targets by period, and its standing as of a date. */
export const GET = apiRoute<{ year: string; code: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiIndicator(pathParam(planYearParam, params, 'year'), pathParam(codeParam, params, 'code'), parseQuery(indicatorQuery, query)),
}));
