import { z } from 'zod';

/**
 * URL parameters of the review queue, the indicator page and the exports. Malformed values fall back to "no
 * filter" instead of failing the page.
 */

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);

export const updateStatuses = ['draft', 'submitted', 'approved', 'returned', 'withdrawn'] as const;

export const updateListFilters = z.object({
  plan: optional(z.coerce.number().int().min(2000).max(2100)),
  goal: optional(z.string().trim().max(20).regex(/^[\w.-]+$/)),
  indicator: optional(z.string().trim().max(40).regex(/^[\w.-]+$/)),
  period: optional(z.string().trim().regex(/^\d{4}(-(Q[1-4]|H[12]|\d{2}))?$/)),
  reporter: optional(z.uuid()),
  status: optional(z.enum(updateStatuses)),
  format: z.preprocess(first, z.enum(['csv', 'xlsx'])).catch('csv'),
});
export type UpdateListFilters = z.infer<typeof updateListFilters>;

/** The filters as a query string, for export links that match what is on screen. */
export function filtersQuery(filters: Partial<UpdateListFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}
