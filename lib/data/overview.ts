import 'server-only';
import { getDb } from '@/db';
import { getOverview } from '@/db/queries/overview';
import { listPlans } from '@/db/queries/plans';
import { requireUser } from '@/lib/auth/session';

/** The overview's reads, behind the policy: the page and any export call this, never db/queries directly. */
export async function loadOverview(filters: { year?: number; includeSubmitted: boolean }) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const [overview, plans] = await Promise.all([getOverview(db, filters), listPlans(db)]);
  return { overview, plans };
}
