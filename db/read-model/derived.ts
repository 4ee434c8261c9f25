import type { Period } from '@/lib/periods';
import type { Db } from '../client';
import {
  derivedActualsToDate,
  derivedIndicatorSeries,
  derivedRegistryOf,
  type DerivedIndicator,
  type PlanDates,
} from '../queries/derived';
import { derivedChartBreakdown, type DerivedChartBreakdown } from '../queries/derived/chart';
import { derivedFilterOf } from '../queries/derived/filter';
import type { ReadClock } from './clock';
import type { ActualToDateRow, PeriodAggregateRow } from './counting';
import type { UpdateFilters } from './filters';

/**
 * Derived indicators in the read model. Their derivations (db/queries/derived) read the registries' dated
 * histories: period time is the registry's own dates (engaged on, responded on, held on), and the registries
 * keep no knowledge time, so "as known on" a past day reads them as they stand now. The region and cluster a
 * view is narrowed to narrow the registry rows too.
 */

export { derivedRegistryOf, type DerivedIndicator, type DerivedChartBreakdown };

/** The actual to date of the given derived indicators; a range start narrows the per-period ones. */
export async function derivedActuals(
  db: Db,
  plan: PlanDates,
  clock: ReadClock,
  indicators: readonly DerivedIndicator[],
  filters: UpdateFilters = {},
): Promise<Map<number, ActualToDateRow>> {
  const filter = derivedFilterOf(filters);
  if (!filters.from) return derivedActualsToDate(db, plan, clock.asOf, indicators, filter);
  const levels = indicators.filter((i) => i.accumulation !== 'non_cumulative');
  const perPeriod = indicators.filter((i) => i.accumulation === 'non_cumulative');
  const [a, b] = await Promise.all([
    derivedActualsToDate(db, plan, clock.asOf, levels, filter),
    derivedActualsToDate(db, { startDate: filters.from, endDate: plan.endDate }, clock.asOf, perPeriod, filter),
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
  filters: UpdateFilters = {},
): Promise<PeriodAggregateRow[]> {
  return derivedIndicatorSeries(db, indicator, plan, periods, clock.asOf, derivedFilterOf(filters));
}

/**
 * The breakdown of a derived indicator by a dimension its registry rows carry (`by`, else its first): the
 * derivations' own breakdown. A dimension the derivation does not carry comes back as `{ ok: false }` for the
 * page to say so; null when the derivation carries none.
 */
export function derivedBreakdownOf(
  db: Db,
  indicator: DerivedIndicator,
  plan: PlanDates,
  by: string | undefined,
  clock: ReadClock,
  filters: UpdateFilters = {},
): Promise<DerivedChartBreakdown | null> {
  return derivedChartBreakdown(db, indicator, plan, clock.asOf, by, derivedFilterOf(filters));
}
