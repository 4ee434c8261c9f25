import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiMeeting } from '@/data/api/records';
import { idParam, noQuery } from '@/lib/validation/api';

/** A meeting with its recommendations, decisions and action items. */
export const GET = apiRoute<{ id: string }>('dashboard.read', async ({ params, query }) => {
  parseQuery(noQuery, query);
  return { body: await apiMeeting(pathParam(idParam, params, 'id')) };
});
