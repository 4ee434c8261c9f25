import { connection } from 'next/server';
import { OverviewContent, overviewQueryOf } from '@/components/overview/overview-content';
import type { OverviewSearch } from '@/components/overview/filters-schema';
import { RegistryTiles } from '@/components/overview/registry-tiles';
import type { OverviewQuery } from '@/types/overview';
import { getCurrentUser } from '@/data/auth/session';
import { loadOverview, loadOverviewTiles } from '@/data/overview';
import { can } from '@/lib/auth/policy';

/**
 * The overview's loading, for its page: the cached view (data/overview.ts) in the first response, the registry
 * tiles streamed on their own; the components render what these pass them.
 */
export async function OverviewSection({ search }: { search: OverviewSearch }) {
  await connection();
  const query = overviewQueryOf(search);
  const [view, user] = await Promise.all([loadOverview(query), getCurrentUser()]);
  // Log-progress links only for roles that may log (the form checks again).
  const canLog = user ? can(user.role, 'progress.log') : false;
  return <OverviewContent search={search} view={view} canLog={canLog} tiles={<OverviewTilesSection query={query} />} />;
}

/** The registry tiles for the same view (plan, range end, region, cluster). */
async function OverviewTilesSection({ query }: { query: OverviewQuery }) {
  return <RegistryTiles data={await loadOverviewTiles(query)} />;
}
