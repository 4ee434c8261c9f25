import { periodContaining, type Frequency, type Period } from '@/lib/periods';
import { derivedDimensions, type DerivedDimension } from '@/lib/derivations';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Accumulation } from '@/lib/progress/types';
import type { Db } from '../../client';
import type { ActualToDateRow, PeriodAggregateRow } from '../progress';
import { queryRows } from '../raw';
import { derivedDefinition, type DerivedDefinition } from './definitions';
import { breakdownQuery, wholeBreakdownQuery, wholeWindowsQuery, windowsQuery, type DerivedFilter, type Window } from './query';

export { DERIVED, derivedDefinition, derivedKeys, type DerivedKey } from './definitions';
export { derivedDimensions, type DerivedDimension, type DerivedRegistry } from '@/lib/derivations';
export type { DerivedFilter } from './query';

/**
 * Derived indicators computed from the registries, in the shapes of db/queries/progress.ts (`actualsToDate`,
 * `indicatorSeries`), so pages and lib/progress treat them exactly like manual ones, plus their breakdowns.
 *
 * Windows. For a date `to` (the as-of date, or a period's end clamped to it):
 * - non_cumulative: what happened in the period (to date: since the plan began), periods add up;
 * - cumulative: everything since the plan began, up to `to`;
 * - snapshot: the state at `to`; for event queries (e.g. mean days to respond), the events of the reporting
 *   period containing `to`.
 * Whole-window derivations (the budget's utilisation) take only `to` from the window: spent ÷ budget to date is a
 * level, never a sum of periods, so their indicators are cumulative and the breakdown parts are their own ratios.
 * A computed reading counts as reported (count 1): zero engaged cities is a value, not missing data. Its "last
 * update" is the date of the latest registry change it reflects (a city engaged, a training held), not when a
 * row was typed in.
 */

export interface DerivedIndicator {
  id: number;
  /** Its plan: whole-window derivations (the budget's utilisation) read the plan's own rows. */
  planId: number;
  derivedKey: string | null;
  accumulation: Accumulation;
  frequency: Frequency;
}

export interface PlanDates {
  startDate: string;
  endDate: string;
}

interface WindowRow {
  ord: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  last_on: string | null;
}

export interface DerivedBreakdownRow {
  /** The member's id (city, cluster, partner) or code (region, category, format) or the topic; '' = none. */
  key: string;
  label: string;
  labelZh: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** A breakdown asked for by a dimension the derivation does not carry (a 4xx, never a 500). */
export class UnsupportedDimensionError extends Error {
  constructor(
    readonly derivedKey: string | null,
    readonly dimension: string,
  ) {
    super(`derivation ${derivedKey ?? '(none)'} has no dimension ${dimension}`);
    this.name = 'UnsupportedDimensionError';
  }
}

async function evaluate(db: Db, def: DerivedDefinition, ind: DerivedIndicator, windows: readonly Window[], filter?: DerivedFilter): Promise<WindowRow[]> {
  if (windows.length === 0) return [];
  const rows = await queryRows<WindowRow>(db, def.whole ? wholeWindowsQuery(def, windows, ind.planId) : windowsQuery(def, windows, filter));
  const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
  return windows.map((_, i) => byOrd.get(i) ?? { ord: i, value: null, numerator: null, denominator: null, last_on: null });
}

/** The window a reading at `to` covers; `periodStart` is the start of the period being charted, if any. */
function windowFor(ind: DerivedIndicator, plan: PlanDates, to: string, periodStart?: string): Window {
  if (ind.accumulation === 'non_cumulative') return { from: periodStart ?? plan.startDate, to };
  if (ind.accumulation === 'cumulative') return { from: plan.startDate, to };
  const period = periodContaining(ind.frequency, to, plan.startDate, plan.endDate);
  return { from: period?.start ?? plan.startDate, to };
}

/** The actual to date of each derived indicator given (others are ignored), keyed by indicator id. */
export async function derivedActualsToDate(
  db: Db,
  plan: PlanDates,
  asOf: string,
  indicators: readonly DerivedIndicator[],
  filter?: DerivedFilter,
): Promise<Map<number, ActualToDateRow>> {
  const out = new Map<number, ActualToDateRow>();
  await Promise.all(
    indicators.map(async (ind) => {
      const def = derivedDefinition(ind.derivedKey);
      if (!def) return;
      const [row] = await evaluate(db, def, ind, [windowFor(ind, plan, asOf)], filter);
      out.set(ind.id, {
        indicatorId: ind.id,
        value: row?.value ?? null,
        numerator: row?.numerator ?? null,
        denominator: row?.denominator ?? null,
        count: 1,
        lastUpdatedAt: row?.last_on ?? null,
      });
    }),
  );
  return out;
}

/**
 * One derived indicator's reading per period. Periods that have not begun by `asOf` have no reading (as with
 * manual indicators, nothing can be reported for them yet); the period in progress is read at `asOf`.
 */
export async function derivedIndicatorSeries(
  db: Db,
  ind: DerivedIndicator,
  plan: PlanDates,
  periods: readonly Period[],
  asOf: string,
  filter?: DerivedFilter,
): Promise<PeriodAggregateRow[]> {
  const def = derivedDefinition(ind.derivedKey);
  const begun = periods.filter((p) => p.start <= asOf);
  const rows = def
    ? await evaluate(
        db,
        def,
        ind,
        begun.map((p) => windowFor(ind, plan, p.end < asOf ? p.end : asOf, p.start)),
        filter,
      )
    : [];
  return periods.map((p, i) => {
    const row = i < begun.length ? rows[i] : undefined;
    if (!row) return { periodEnd: p.end, value: null, numerator: null, denominator: null, count: 0, reported: false };
    return { periodEnd: p.end, value: row.value, numerator: row.numerator, denominator: row.denominator, count: 1, reported: true };
  });
}

/**
 * A derived indicator's actual to date split by one dimension its registry rows carry: one row per member,
 * largest first, "no member" (key '') last. How the parts relate to the total is DERIVATIONS[key].dimensions.
 * Throws UnsupportedDimensionError for a dimension the derivation does not have.
 */
export async function derivedBreakdown(
  db: Db,
  indicator: DerivedIndicator,
  plan: PlanDates,
  dimension: DerivedDimension,
  asOf: string,
  filter?: DerivedFilter,
): Promise<DerivedBreakdownRow[]> {
  const def = derivedDefinition(indicator.derivedKey);
  if (!def || !derivedDimensions(indicator.derivedKey).includes(dimension)) {
    throw new UnsupportedDimensionError(indicator.derivedKey, dimension);
  }
  const rows = await queryRows<{ key: string; label: string | null; label_zh: string | null; value: number | null; numerator: number | null; denominator: number | null }>(
    db,
    def.whole
      ? wholeBreakdownQuery(def, windowFor(indicator, plan, asOf), dimension, indicator.planId)
      : breakdownQuery(def, windowFor(indicator, plan, asOf), dimension, filter),
  );
  const out = rows.map((r): DerivedBreakdownRow => {
    const sums = { value: r.value, numerator: r.numerator, denominator: r.denominator, count: 1 };
    return {
      key: r.key,
      label: r.label ?? '',
      labelZh: r.label_zh,
      value: readingFromAggregate(def.aggregate === 'percent' ? 'percent' : 'count', sums).value,
      numerator: r.numerator,
      denominator: r.denominator,
    };
  });
  return out.sort((a, b) => (a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

/** The registry a derived indicator is computed from, for the "derived from …" note; undefined if unknown. */
export function derivedRegistryOf(derivedKey: string | null | undefined) {
  return derivedDefinition(derivedKey)?.registry;
}
