import 'server-only';
import { requireUser } from '@/data/auth/session';
import { goalChartsView, viewDay, type IndicatorChartViewArgs } from '@/data/views';
import { sealed } from '@/data/view-seal';

/** The reads behind the charts, behind the policy: pages and components call these, never db/queries directly. */

/**
 * The sealed arguments of one indicator's chart view, for a rendering of it cached as a whole (the goal and indicator
 * pages): authorized here, on every request; the view answers only to arguments sealed here.
 */
export async function indicatorChartViewArgs(code: string, options: { year?: number; includeSubmitted?: boolean; breakdownBy?: string } = {}): Promise<IndicatorChartViewArgs> {
  await requireUser('dashboard.read');
  return sealed(code, options, viewDay());
}

/** A goal of a plan with the chart of each of its indicators (in the plan's order). */
export async function loadGoalCharts(code: string, options: { year?: number } = {}) {
  await requireUser('dashboard.read');
  return goalChartsView(...sealed(code, options.year ?? null));
}

