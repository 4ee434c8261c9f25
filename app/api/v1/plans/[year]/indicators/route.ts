import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiIndicators } from '@/data/api/plans';
import { planYearParam, standingsQuery } from '@/lib/validation/api';

/** A plan's indicators: definition, baseline, target and the standing as of a date, under the overview's filters. */
export const GET = apiRoute<{ year: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiIndicators(pathParam(planYearParam, params, 'year'), parseQuery(standingsQuery, query)),
}));
