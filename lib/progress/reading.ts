import type { Reading, ValueKind } from './types';

/** Sums as SQL returns them (see db/queries/progress.ts). */
export interface AggregateSums {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
  reported?: boolean;
}

/**
 * Turns SQL sums into a Reading. Percent values are recomputed from the summed numerator and denominator —
 * never an average of percentages — exactly as the reference implementation in aggregate.ts does.
 */
export function readingFromAggregate(valueKind: ValueKind, sums: AggregateSums | undefined): Reading {
  if (!sums || sums.count === 0) return { value: null, numerator: null, denominator: null, reported: false };
  const reported = sums.reported ?? true;
  if (valueKind === 'percent') {
    const { numerator, denominator } = sums;
    const value = numerator !== null && denominator ? (100 * numerator) / denominator : null;
    return { value, numerator, denominator, reported };
  }
  return { value: sums.value, numerator: null, denominator: null, reported };
}

/** The one figure an update states: its value, or a percent's numerator over its denominator. */
export const figureOf = (f: { value: number | null; numerator: number | null; denominator: number | null }) =>
  f.value ?? (f.numerator !== null && f.denominator ? (100 * f.numerator) / f.denominator : null);
