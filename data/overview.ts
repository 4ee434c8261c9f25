import 'server-only';
import { getDb } from '@/db';
import { getOverview, resolveRange, type OverviewQuery } from '@/db/queries/overview';
import { clusterOptions, registryTiles } from '@/db/read-model';
import { asOfDateFor, findPlan, listPlans } from '@/db/queries/plans';
import { requireUser } from '@/data/auth/session';

/** The overview's reads, behind the policy: the page and any export call this, never db/queries directly. */
export async function loadOverview(query: OverviewQuery) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const [overview, plans, clusters] = await Promise.all([getOverview(db, query), listPlans(db), clusterOptions(db)]);
  return { overview, plans, clusters };
}

/** The registry tiles for the same view (plan, range end, region, cluster), streamed on their own. */
export async function loadOverviewTiles(query: OverviewQuery) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const plan = await findPlan(db, query.year);
  if (!plan) return undefined;
  const { asOf, from } = resolveRange(plan, await asOfDateFor(db, plan), query.from, query.to);
  const tiles = await registryTiles(db, { from: from ?? plan.startDate, asOf }, { region: query.region, cluster: query.cluster });
  return { asOf, from: from ?? plan.startDate, tiles };
}
