import { apiRoute, parseQuery } from '@/data/api/handler';
import { apiMeetings } from '@/data/api/records';
import { meetingsQuery } from '@/lib/validation/api';

/** Meetings, newest first, with their item counts. */
export const GET = apiRoute('dashboard.read', async ({ query }) => ({ body: await apiMeetings(parseQuery(meetingsQuery, query)) }));
