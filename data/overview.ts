import 'server-only';
import { type OverviewQuery } from '@/db/queries/overview';
import { requireUser } from '@/data/auth/session';
import { overviewTilesView, overviewView, viewDay } from '@/data/views';
import { sealed } from '@/data/view-seal';

/**
 * The overview's reads, behind the policy: the page and any export call this, never db/queries directly. The
 * caller is authorized here, on every request; the view itself is computed once per data version (data/views.ts).
 */
export async function loadOverview(query: OverviewQuery) {
  await requireUser('dashboard.read');
  return (await overviewView(...sealed(query, viewDay())))!;
}

/** The registry tiles for the same view (plan, range end, region, cluster), streamed on their own. */
export async function loadOverviewTiles(query: OverviewQuery) {
  await requireUser('dashboard.read');
  return overviewTilesView(...sealed(query, viewDay()));
}
