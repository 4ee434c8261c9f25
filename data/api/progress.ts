import 'server-only';
import type { Db } from '@/db';
import { indicatorChart, type IndicatorChart } from '@/db/queries/charts/indicator-chart';
import { getOverview, resolveRange, type Overview } from '@/db/queries/overview';
import { asOfDateFor, type WorkPlan } from '@/db/queries/plans';

/**
 * THE one place the API reads progress numbers — values, achievement, status as of a date, period series and
 * breakdowns. Nothing under data/api computes or aggregates progress: it calls the very functions the pages
 * call (the overview's getOverview, the indicator page's chart, indicatorChart), so the API and the pages give
 * one number for one question. When the read model lands, these functions are re-pointed to it and nothing else
 * in the API changes.
 */

export interface StandingsQuery {
  year: number;
  /** The date the standings are taken at (the overview's `to`); clamped to the plan's own as-of date. */
  asOf?: string;
  from?: string;
  region?: 'maritime' | 'continental';
  cluster?: number;
  includeSubmitted?: boolean;
}

/** Every indicator's standing in a plan, as the overview computes it for the same filters. */
export async function planStandings(db: Db, query: StandingsQuery): Promise<Overview | undefined> {
  return getOverview(db, {
    year: query.year,
    to: query.asOf,
    from: query.from,
    region: query.region,
    cluster: query.cluster,
    includeSubmitted: query.includeSubmitted,
    openGoals: 'all',
  });
}

/**
 * One indicator's standing, period series and breakdown as of a date, as its page's chart computes them. The date
 * is resolved as the overview resolves its range end (never after the plan's as-of date), so that the standing
 * here and in planStandings is the same for the same date.
 */
export async function indicatorProgress(
  db: Db,
  plan: WorkPlan,
  indicatorId: number,
  options: { asOf?: string; includeSubmitted?: boolean },
): Promise<IndicatorChart | undefined> {
  const { asOf } = resolveRange(plan, await asOfDateFor(db, plan), undefined, options.asOf);
  return indicatorChart(db, indicatorId, { asOf, includeSubmitted: options.includeSubmitted });
}
