/**
 * REFERENCE implementation of the aggregates SQL computes. Integration tests
 * hold the SQL results against these functions, so any change here is a
 * change to the SQL contract too. The exact semantics:
 *
 * Usable observation. Percent indicators: numerator AND denominator both
 *   non-null (value is ignored). Other kinds: value non-null. Unusable
 *   observations are dropped before any rule below, exactly as a SQL
 *   `WHERE … IS NOT NULL` would, so a blank never hides an earlier reading.
 *
 * Reading. Non-percent: value = the aggregate; numerator/denominator null.
 *   Percent: numerator = Σnumerator, denominator = Σdenominator and
 *   value = 100 × Σnumerator ÷ Σdenominator (null when Σdenominator = 0) —
 *   city A 1/4 and city B 3/4 give 4/8 = 50 %, never the mean of rates.
 *   With no contributing observation every field is null (SQL SUM of nothing).
 *
 * aggregatePeriod:
 *   non_cumulative → sum over usable observations with
 *     period.start ≤ periodEnd ≤ period.end; reported = at least one.
 *   cumulative, snapshot → per seriesKey, the usable observation with the
 *     latest periodEnd ≤ period.end (earlier periods carry forward), then the
 *     sum over series of those values (percent: of their numerators and of
 *     their denominators). Never a sum over time. Ties on periodEnd within a
 *     series: the LATER one in the input array wins, so callers (and SQL)
 *     order observations by id — the newer update wins.
 *     reported = some usable observation has periodEnd within the period;
 *     the value may still come from earlier, carried-forward readings.
 *
 * actualToDate(asOf): like the above, but an observation qualifies when
 *   periodStart ≤ asOf (an update for the period in progress counts as soon
 *   as its period has begun). non_cumulative → sum of qualifying; cumulative,
 *   snapshot → per series the qualifying one with the latest periodEnd (same
 *   tie rule), summed over series. reported = anything qualified.
 *
 * Floating sums are taken in input order; SQL may sum in another order, so
 * comparisons against SQL should allow ~1e-9 relative error.
 */
import type { IsoDate, Period } from '../periods';
import type { AggregateKind, Observation, Reading } from './types';

const EMPTY: Omit<Reading, 'reported'> = { value: null, numerator: null, denominator: null };

function isUsable(kind: AggregateKind, o: Observation): boolean {
  return kind.valueKind === 'percent' ? o.numerator !== null && o.denominator !== null : o.value !== null;
}

/** Sum a set of contributing observations into a reading. */
function sumReading(kind: AggregateKind, contributing: readonly Observation[], reported: boolean): Reading {
  if (contributing.length === 0) return { ...EMPTY, reported };
  if (kind.valueKind === 'percent') {
    let numerator = 0;
    let denominator = 0;
    for (const o of contributing) {
      numerator += o.numerator ?? 0;
      denominator += o.denominator ?? 0;
    }
    return { value: denominator === 0 ? null : (100 * numerator) / denominator, numerator, denominator, reported };
  }
  let value = 0;
  for (const o of contributing) value += o.value ?? 0;
  return { value, numerator: null, denominator: null, reported };
}

/** Per series, the qualifying observation with the latest periodEnd; ties → later in input. */
function latestPerSeries(
  kind: AggregateKind,
  observations: readonly Observation[],
  qualifies: (o: Observation) => boolean,
): Observation[] {
  const latest = new Map<string, Observation>();
  for (const o of observations) {
    if (!isUsable(kind, o) || !qualifies(o)) continue;
    const current = latest.get(o.seriesKey);
    if (current === undefined || o.periodEnd >= current.periodEnd) latest.set(o.seriesKey, o);
  }
  return [...latest.values()];
}

/** The reading of one period (see the module comment for the exact rules). */
export function aggregatePeriod(kind: AggregateKind, observations: readonly Observation[], period: Period): Reading {
  const endsInPeriod = (o: Observation) => o.periodEnd >= period.start && o.periodEnd <= period.end;
  if (kind.accumulation === 'non_cumulative') {
    const inPeriod = observations.filter((o) => isUsable(kind, o) && endsInPeriod(o));
    return sumReading(kind, inPeriod, inPeriod.length > 0);
  }
  const latest = latestPerSeries(kind, observations, (o) => o.periodEnd <= period.end);
  const reported = observations.some((o) => isUsable(kind, o) && endsInPeriod(o));
  return sumReading(kind, latest, reported);
}

/** One reading per period, in the order given. */
export function aggregateSeries(
  kind: AggregateKind,
  observations: readonly Observation[],
  periods: readonly Period[],
): Reading[] {
  // Quadratic, deliberately: this is the readable reference, not the production path (SQL is).
  return periods.map((p) => aggregatePeriod(kind, observations, p));
}

/** The actual value to date at asOf (see the module comment). */
export function actualToDate(kind: AggregateKind, observations: readonly Observation[], asOf: IsoDate): Reading {
  const begun = (o: Observation) => o.periodStart <= asOf;
  const contributing =
    kind.accumulation === 'non_cumulative'
      ? observations.filter((o) => isUsable(kind, o) && begun(o))
      : latestPerSeries(kind, observations, begun);
  return sumReading(kind, contributing, contributing.length > 0);
}
