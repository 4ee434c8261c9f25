import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiIatiActivity } from '@/data/api/iati';
import { noQuery, planYearParam } from '@/lib/validation/api';

/** The plan's results as an IATI 2.03 activity file (staff and admins, or their tokens). */
export const GET = apiRoute<{ year: string }>('iati.export', async ({ params, query }) => {
  parseQuery(noQuery, query);
  const year = pathParam(planYearParam, params, 'year');
  return {
    raw: await apiIatiActivity(year),
    headers: { 'content-type': 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="iati-activity-${year}.xml"` },
  };
});
