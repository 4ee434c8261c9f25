import type { Period } from '@/lib/periods';
import type { Accumulation, ValueKind } from '@/lib/progress/types';

/**
 * The dashed forecast a chart draws over the periods not finished at the as-of date, from lib/progress's
 * projection and pace (the numbers are theirs; this only lays them along the periods):
 * - levels (cumulative, snapshot): a straight line from the level at the as-of date to the projected level at
 *   the plan's end, and one to the final target;
 * - per-period indicators: what each remaining period adds at the current pace, and what it must add (the
 *   pace needed); percentages project to themselves and need the target itself.
 */
export function forecastSeries(args: {
  periods: readonly Period[];
  asOf: string;
  accumulation: Accumulation;
  valueKind: ValueKind;
  actualToDate: number | null;
  projectedEnd: number | null;
  pacePerPeriod: number | null;
  finalTarget: number;
}): { projection: (number | null)[]; needed: (number | null)[] } {
  const { periods, asOf, actualToDate, projectedEnd, pacePerPeriod, finalTarget } = args;
  const none = periods.map(() => null);
  const remaining = periods.map((p, k) => (p.end > asOf ? k : -1)).filter((k) => k >= 0);
  if (actualToDate === null || projectedEnd === null || remaining.length === 0) return { projection: none, needed: none };
  if (args.valueKind === 'percent') {
    return {
      projection: periods.map((_, k) => (remaining.includes(k) ? projectedEnd : null)),
      needed: periods.map((_, k) => (remaining.includes(k) ? finalTarget : null)),
    };
  }
  if (args.accumulation === 'non_cumulative') {
    const perPeriod = (projectedEnd - actualToDate) / remaining.length;
    return {
      projection: periods.map((_, k) => (remaining.includes(k) ? perPeriod : null)),
      needed: periods.map((_, k) => (remaining.includes(k) ? pacePerPeriod : null)),
    };
  }
  // Levels start from the as-of date's level in the period in progress and reach the end at the last period.
  const from = remaining[0]!;
  const last = periods.length - 1;
  const along = (end: number) => periods.map((_, k) => (k < from ? null : last === from ? end : actualToDate + ((end - actualToDate) * (k - from)) / (last - from)));
  return { projection: along(projectedEnd), needed: along(finalTarget) };
}
