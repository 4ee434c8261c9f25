import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiUpdates } from '@/data/api/records';
import { apiCreateUpdate } from '@/data/api/write';
import { planYearParam, updatesQuery } from '@/lib/validation/api';

/** A plan's progress updates, with the review queue's filters, by id (cursor pages). */
export const GET = apiRoute<{ year: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiUpdates(pathParam(planYearParam, params, 'year'), parseQuery(updatesQuery, query)),
}));

/** Creates a progress update (a token with the write scope; an Idempotency-Key header). */
export const POST = apiRoute<{ year: string }>('progress.log', async ({ request, caller, params }) =>
  apiCreateUpdate(request, caller, pathParam(planYearParam, params, 'year')),
);
