import { DERIVATIONS, derivedDimensions, isDerivationKey, type DerivedDimension, type PartsRule } from '@/lib/derivations';
import type { Db } from '../../client';
import { derivedBreakdown, type DerivedBreakdownRow, type DerivedIndicator, type PlanDates } from './index';
import type { DerivedFilter } from './query';

export type DerivedChartBreakdown =
  | { ok: true; dimension: DerivedDimension; dimensions: DerivedDimension[]; parts: PartsRule; rows: DerivedBreakdownRow[] }
  /** The dimension asked for is not one of the indicator's: the page says so and offers the others. */
  | { ok: false; asked: string; dimensions: DerivedDimension[] };

/**
 * The breakdown an indicator page shows for a derived indicator: by the dimension asked for (`by`), else the
 * first its derivation carries; null when it carries none (working-level meetings).
 */
export async function derivedChartBreakdown(
  db: Db,
  indicator: DerivedIndicator,
  plan: PlanDates,
  asOf: string,
  by?: string,
  filter?: DerivedFilter,
): Promise<DerivedChartBreakdown | null> {
  const dimensions = derivedDimensions(indicator.derivedKey);
  if (by !== undefined && !(dimensions as string[]).includes(by)) return { ok: false, asked: by, dimensions };
  const dimension = (by as DerivedDimension | undefined) ?? dimensions[0];
  if (!dimension || !isDerivationKey(indicator.derivedKey)) return null;
  const rows = await derivedBreakdown(db, indicator, plan, dimension, asOf, filter);
  return { ok: true, dimension, dimensions, parts: DERIVATIONS[indicator.derivedKey].dimensions[dimension] ?? 'overlap', rows };
}
