import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiUtilisation } from '@/data/api/budget';
import { planYearParam, utilisationQuery } from '@/lib/validation/api';

/** Budget utilisation as of a date: overall, per goal, per budget line and per funding source. */
export const GET = apiRoute<{ year: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiUtilisation(pathParam(planYearParam, params, 'year'), parseQuery(utilisationQuery, query)),
}));
