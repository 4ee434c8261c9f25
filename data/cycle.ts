import 'server-only';
import { can } from '@/lib/auth/policy';
import type { Frequency } from '@/lib/periods';
import { requireUser } from '@/data/auth/session';
import { sealed } from '@/data/view-seal';
import { viewDay, windowsView } from '@/data/views';

/** The submission windows a page shows: every frequency of a plan, or one indicator's; admins also get the forms. */
export async function loadWindows(plan: { id: number; year: number; startDate: string; endDate: string }, indicator?: { id: number; frequency: Frequency }) {
  const user = await requireUser('dashboard.read');
  const key = { id: plan.id, year: plan.year, startDate: plan.startDate, endDate: plan.endDate };
  const windows = (await windowsView(...sealed(key, indicator ? { id: indicator.id, frequency: indicator.frequency } : null, viewDay())))!;
  return { ...windows, planYear: plan.year, indicatorId: indicator?.id, canManage: can(user.role, 'period.lock') };
}

export type WindowsView = Awaited<ReturnType<typeof loadWindows>>;
