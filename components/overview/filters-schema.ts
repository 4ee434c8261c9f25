import { z } from 'zod';
import { sdgGoalCodes } from '@/lib/sdg';
import { openGoalsParam } from '@/lib/validation/open-goals';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The overview's filters live in the URL so that a view can be shared. Unknown or malformed values fall back
 * to the defaults instead of failing the page.
 * - plan: the work plan's year; submitted=1 counts submitted (not yet approved) updates too;
 * - from / to: a period range (ISO dates of a period's start and end) — the view is "as of" the range's end,
 *   and per-period indicators count only the periods in the range;
 * - region / cluster: only updates reported for a city of that region, or for that cluster (or a member city);
 * - sdg: only what contributes to this Sustainable Development Goal (its number), by the SDG tags;
 * - open: the goals whose indicators are shown: comma-separated codes, "all" or "none"; without it, every goal
 *   of a small plan and none of a large one (db/queries/overview.ts decides).
 */
export const overviewSearchParams = z.object({
  plan: z.preprocess(first, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
  submitted: z
    .preprocess(first, z.enum(['1', '0']).optional())
    .transform((v) => v === '1')
    .catch(false),
  from: z.preprocess(first, isoDate.optional()).catch(undefined),
  to: z.preprocess(first, isoDate.optional()).catch(undefined),
  region: z.preprocess(first, z.enum(['maritime', 'continental']).optional()).catch(undefined),
  cluster: z.preprocess(first, z.coerce.number().int().positive().optional()).catch(undefined),
  sdg: z.preprocess(first, z.enum(sdgGoalCodes as [string, ...string[]]).optional()).catch(undefined),
  open: openGoalsParam,
});

export type OverviewSearch = z.infer<typeof overviewSearchParams>;

/** The URL of the overview with these filters (defaults left out, so shared links stay short). */
export function overviewHref(f: OverviewSearch, hash?: string): string {
  const q = new URLSearchParams();
  if (f.plan !== undefined) q.set('plan', String(f.plan));
  if (f.submitted) q.set('submitted', '1');
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.region) q.set('region', f.region);
  if (f.cluster !== undefined) q.set('cluster', String(f.cluster));
  if (f.sdg) q.set('sdg', f.sdg);
  if (f.open !== undefined) q.set('open', typeof f.open === 'string' ? f.open : f.open.join(','));
  const text = q.toString();
  return `/${text ? `?${text}` : ''}${hash ? `#${hash}` : ''}`;
}

/** The same view with one goal's indicators shown or hidden, given the goals expanded now. */
export function toggleGoal(f: OverviewSearch, code: string, expanded: readonly string[]): OverviewSearch {
  const open = expanded.includes(code) ? expanded.filter((c) => c !== code) : [...expanded, code];
  return { ...f, open: open.length ? open : 'none' };
}
