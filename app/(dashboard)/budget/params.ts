import { z } from 'zod';

/** The budget pages' ?plan=YEAR (default: the plan the dashboards show). */
export const budgetPlanParam = z.object({
  plan: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)),
});
