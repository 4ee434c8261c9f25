import { apiRoute } from '@/data/api/handler';
import { apiPlans } from '@/data/api/plans';

/** The work plans, newest first. */
export const GET = apiRoute('dashboard.read', async () => ({ body: await apiPlans() }));
