import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiIndicatorSeries } from '@/data/api/plans';
import { codeParam, indicatorQuery, planYearParam } from '@/lib/validation/api';

/** An indicator's actual and target per period of its frequency, as of a date (the chart's points). */
export const GET = apiRoute<{ year: string; code: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiIndicatorSeries(pathParam(planYearParam, params, 'year'), pathParam(codeParam, params, 'code'), parseQuery(indicatorQuery, query)),
}));
