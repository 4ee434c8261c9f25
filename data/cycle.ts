import 'server-only';
import { getDb } from '@/db';
import { listReopenings, planFrequencies, planWindows } from '@/db/queries/cycle/window-admin';
import { can } from '@/lib/auth/policy';
import type { Frequency } from '@/lib/periods';
import { requireUser } from '@/data/auth/session';

/** The submission windows a page shows: every frequency of a plan, or one indicator's; admins also get the forms. */
export async function loadWindows(plan: { id: number; year: number; startDate: string; endDate: string }, indicator?: { id: number; frequency: Frequency }) {
  const user = await requireUser('dashboard.read');
  const db = await getDb();
  const frequencies = indicator ? [indicator.frequency] : await planFrequencies(db, plan.id);
  const [windows, reopenings] = await Promise.all([planWindows(db, plan, frequencies, indicator?.id), listReopenings(db, plan.id, indicator?.id)]);
  return { ...windows, reopenings, planYear: plan.year, indicatorId: indicator?.id, canManage: can(user.role, 'period.lock') };
}

export type WindowsView = Awaited<ReturnType<typeof loadWindows>>;
