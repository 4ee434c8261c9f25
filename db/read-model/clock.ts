import { sql } from 'drizzle-orm';
import { isIsoDate, type IsoDate } from '@/lib/periods';

/**
 * The two clocks of progress, named once for every page, export and PDF.
 *
 * Period time — which period a value belongs to. A reading "as of" a date counts the updates whose period has
 *   begun by then (period_start ≤ asOf); a per-period window takes the updates whose period ends in it.
 * Knowledge time — when the system learnt a value: created, corrected, reviewed or withdrawn.
 *
 * Dashboards, exports and reports read current knowledge (`knownOn: null`): every committed write, for the
 * periods up to the as-of date — so a write made now shows everywhere, also in the demo whose as-of date is
 * fixed in the past. A report or chart "as known on" a past day (a meeting's pack) reconstructs each update as
 * it stood at the end of that day, and the page says so.
 */
export interface ReadClock {
  /** Period time: the date the view is evaluated at. */
  asOf: IsoDate;
  /** Knowledge time: null for current knowledge, else the day whose end the data is reconstructed at. */
  knownOn: IsoDate | null;
}

export function currentKnowledge(asOf: IsoDate): ReadClock {
  return { asOf, knownOn: null };
}

/**
 * Knowledge at the end of `day`. A day that has not ended yet (today or later, UTC) is current knowledge:
 * nothing later is known.
 */
export function knownOn(asOf: IsoDate, day: IsoDate, today: IsoDate = new Date().toISOString().slice(0, 10)): ReadClock {
  return { asOf, knownOn: day >= today ? null : day };
}

/** End of a calendar day in UTC (timestamps are stored in UTC; calendar dates have no zone). */
export const endOfDay = (day: IsoDate) => sql`((${day}::date + 1)::timestamp at time zone 'UTC')`;

/** A question the read model cannot answer as asked: callers answer 400 or show a form error, never 500. */
export class ReadModelInputError extends Error {
  constructor(
    readonly field: 'asOf' | 'knownOn' | 'dimension',
    readonly reason: 'outside_plan' | 'invalid' | 'unknown_dimension',
  ) {
    super(`read model: ${field} is ${reason.replace('_', ' ')}`);
    this.name = 'ReadModelInputError';
  }
}

/** An explicit date must lie within the plan (the plan's start to its end). */
export function checkWithinPlan(field: 'asOf', date: string | undefined, plan: { startDate: string; endDate: string }) {
  if (date === undefined) return;
  if (!isIsoDate(date)) throw new ReadModelInputError(field, 'invalid');
  if (date < plan.startDate || date > plan.endDate) throw new ReadModelInputError(field, 'outside_plan');
}

/** A knowledge day is any valid calendar date (after today it means current knowledge). */
export function checkKnownOn(day: string | undefined) {
  if (day !== undefined && !isIsoDate(day)) throw new ReadModelInputError('knownOn', 'invalid');
}
