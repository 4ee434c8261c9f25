import type { Period } from '@/lib/periods';
import type { Db } from '../client';
import {
  derivedActualsToDate,
  derivedIndicatorSeries,
  derivedRegistryOf,
  type DerivedIndicator,
  type PlanDates,
} from '../queries/derived';
import type { ReadClock } from './clock';
import type { BreakdownRow } from './breakdown';
import type { ActualToDateRow, PeriodAggregateRow } from './counting';

/**
 * Derived indicators in the read model. Their derivations (db/queries/derived) read the registries' dated
 * histories: period time is the registry's own dates (engaged on, responded on, held on), and the registries
 * keep no knowledge time, so "as known on" a past day reads them as they stand now.
 */

export { derivedRegistryOf, type DerivedIndicator };

/** The actual to date of the given derived indicators; a range start narrows the per-period ones. */
export async function derivedActuals(
  db: Db,
  plan: PlanDates,
  clock: ReadClock,
  indicators: readonly DerivedIndicator[],
  from: string | null = null,
): Promise<Map<number, ActualToDateRow>> {
  if (!from) return derivedActualsToDate(db, plan, clock.asOf, indicators);
  const levels = indicators.filter((i) => i.accumulation !== 'non_cumulative');
  const perPeriod = indicators.filter((i) => i.accumulation === 'non_cumulative');
  const [a, b] = await Promise.all([
    derivedActualsToDate(db, plan, clock.asOf, levels),
    derivedActualsToDate(db, { startDate: from, endDate: plan.endDate }, clock.asOf, perPeriod),
  ]);
  return new Map([...a, ...b]);
}

/** One derived indicator's reading per period (periods not begun by asOf have none). */
export function derivedSeries(
  db: Db,
  indicator: DerivedIndicator,
  plan: PlanDates,
  periods: readonly Period[],
  clock: ReadClock,
): Promise<PeriodAggregateRow[]> {
  return derivedIndicatorSeries(db, indicator, plan, periods, clock.asOf);
}

/**
 * The breakdown of a derived indicator by a dimension its registry rows carry. The seam for the derivations'
 * own breakdown (derivedBreakdown in db/queries/derived): until it exists, derived indicators have none.
 */
export async function derivedBreakdownOf(
  _db: Db,
  _indicator: DerivedIndicator,
  _plan: PlanDates,
  _dimension: string,
  _clock: ReadClock,
): Promise<BreakdownRow[] | undefined> {
  return undefined;
}
