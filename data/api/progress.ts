import 'server-only';
import type { Db } from '@/db';
import { indicatorChart, type IndicatorChart } from '@/db/queries/charts/indicator-chart';
import { getOverview, resolveRange, type Overview } from '@/db/queries/overview';
import { asOfDateFor, type WorkPlan } from '@/db/queries/plans';

/**
 * THE one place the API reads progress numbers — values, achievement, status as of a date, period series and
 * breakdowns. Nothing under data/api computes or aggregates progress: it calls the very functions the pages
 * call — the overview's getOverview and the indicator page's (and the report's) indicatorChart — and both
 * evaluate through the read model (db/read-model: planStanding, indicatorSeries, the breakdowns) at the same
 * clock, so the API's list and detail and the pages give one number for one question.
 *
 * Two clocks (db/read-model/clock.ts): `asOf` is period time (clamped to the plan's as-of date, as the overview
 * clamps its range end); `knownOn` is knowledge time — by default current knowledge, as the dashboards show;
 * with a past day, the figures as they were known at its end, as a meeting's report shows them.
 */

export interface StandingsQuery {
  year: number;
  /** The date the standings are taken at (the overview's `to`); clamped to the plan's own as-of date. */
  asOf?: string;
  /** Knowledge time: the figures as known at the end of this day; default current knowledge. */
  knownOn?: string;
  from?: string;
  region?: 'maritime' | 'continental';
  cluster?: number;
  /** Only what contributes to this SDG (a goal number), as the overview's filter. */
  sdg?: string;
  includeSubmitted?: boolean;
}

/** Every indicator's standing in a plan, as the overview computes it for the same filters and clock. */
export async function planStandings(db: Db, query: StandingsQuery): Promise<Overview | undefined> {
  return getOverview(db, {
    year: query.year,
    to: query.asOf,
    knownOn: query.knownOn,
    from: query.from,
    region: query.region,
    cluster: query.cluster,
    sdg: query.sdg,
    includeSubmitted: query.includeSubmitted,
    openGoals: 'all',
  });
}

/**
 * One indicator's standing, period series and breakdown at a clock, as its page's chart computes them. The date
 * is resolved as the overview resolves its range end (never after the plan's as-of date), so that the standing
 * here and in planStandings is the same for the same date and knowledge day.
 */
export async function indicatorProgress(
  db: Db,
  plan: WorkPlan,
  indicatorId: number,
  options: { asOf?: string; knownOn?: string; includeSubmitted?: boolean },
): Promise<IndicatorChart | undefined> {
  const { asOf } = resolveRange(plan, await asOfDateFor(db, plan), undefined, options.asOf);
  return indicatorChart(db, indicatorId, { asOf, knownOn: options.knownOn, includeSubmitted: options.includeSubmitted });
}
