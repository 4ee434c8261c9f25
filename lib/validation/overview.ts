import { z } from 'zod';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The overview's filters live in the URL so that a view can be shared. Unknown or malformed values fall back
 * to the defaults instead of failing the page.
 */
export const overviewSearchParams = z.object({
  plan: z.preprocess(first, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
  submitted: z.preprocess(first, z.enum(['1', '0']).optional())
    .transform((v) => v === '1')
    .catch(false),
});
