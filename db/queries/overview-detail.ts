import type { Period } from '@/lib/periods';
import type { Accumulation, ValueKind } from '@/lib/progress/types';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Frequency } from '@/lib/periods';
import type { Db } from '../client';
import { derivedIndicatorSeries } from './derived';
import { derivedFilterOf } from './derived/filter';
import type { UpdateFilters } from './overview-actuals';
import { sparklineRows } from './overview-sparklines';
import type { UpdateStatus } from './progress';

interface DetailIndicator {
  id: number;
  source: 'manual' | 'derived';
  derivedKey: string | null;
  accumulation: Accumulation;
  valueKind: ValueKind;
  frequency: Frequency;
}

/**
 * The sparkline values of the shown indicators, keyed by indicator id: one batched query for the manual
 * ones, and the registry query of each derived one (a handful per goal). Percent values are recomputed from
 * summed numerators and denominators (lib/progress/reading).
 */
export async function overviewSparklines(
  db: Db,
  args: {
    plan: { startDate: string; endDate: string };
    asOf: string;
    periods: readonly Period[];
    statuses: UpdateStatus[];
    filters: UpdateFilters;
    indicators: readonly DetailIndicator[];
  },
): Promise<Map<number, (number | null)[]>> {
  const { plan, asOf, periods, statuses, filters, indicators } = args;
  const out = new Map<number, (number | null)[]>();
  if (periods.length === 0) return out;
  const manual = indicators.filter((i) => i.source !== 'derived');
  const derived = indicators.filter((i) => i.source === 'derived');
  const [rows, derivedSeries] = await Promise.all([
    sparklineRows(
      db,
      manual.map((i) => i.id),
      periods,
      statuses,
      // The range start does not cut a sparkline: its periods are already those of the range.
      { region: filters.region, cluster: filters.cluster },
    ),
    Promise.all(derived.map(async (i) => [i, await derivedIndicatorSeries(db, i, plan, periods, asOf, derivedFilterOf(filters))] as const)),
  ]);
  const kindOf = new Map(indicators.map((i) => [i.id, i.valueKind]));
  for (const i of manual) out.set(i.id, periods.map(() => null));
  for (const r of rows) {
    const values = out.get(r.indicatorId);
    if (values) values[r.ord] = readingFromAggregate(kindOf.get(r.indicatorId) ?? 'count', r).value;
  }
  for (const [i, series] of derivedSeries) {
    out.set(
      i.id,
      series.map((row) => readingFromAggregate(i.valueKind, row).value),
    );
  }
  return out;
}
