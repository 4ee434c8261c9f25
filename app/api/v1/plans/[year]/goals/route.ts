import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiGoals } from '@/data/api/plans';
import { goalsQuery, planYearParam } from '@/lib/validation/api';

/** A plan's goals with their indicators' status counts, under the overview's filters. */
export const GET = apiRoute<{ year: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiGoals(pathParam(planYearParam, params, 'year'), parseQuery(goalsQuery, query)),
}));
