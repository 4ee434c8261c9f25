import { addDays, isIsoDate, type IsoDate, type Period } from './periods';

/**
 * Submission windows: when a period may be reported on. Each period has an opening date (entry before it is
 * refused), a due date (what is entered or submitted after it is late) and a closing date (after it the period
 * locks itself until an admin reopens it). The rule is evaluated on every write, so no job has to run for it to
 * hold. Admins may set other dates for a period; these are the defaults.
 */

export interface ReportingWindow {
  opensOn: IsoDate;
  dueOn: IsoDate;
  closesOn: IsoDate;
}

/** The default rule's numbers, in one place: due 15 days after the period ends, closed 60 days after it ends. */
export const WINDOW_DEFAULTS = { dueDaysAfterEnd: 15, closeDaysAfterEnd: 60 } as const;

/** A period opens on its first day (what happened in it can be logged as it happens). */
export function defaultWindow(period: Period): ReportingWindow {
  return {
    opensOn: period.start,
    dueOn: addDays(period.end, WINDOW_DEFAULTS.dueDaysAfterEnd),
    closesOn: addDays(period.end, WINDOW_DEFAULTS.closeDaysAfterEnd),
  };
}

export type WindowPhase = 'not_open' | 'open' | 'late' | 'closed';

/**
 * Where `today` falls: before opening, open, past due (still accepted, marked late), or closed. A reopening that
 * runs until a date (inclusive) turns a closed period back into a late one.
 */
export function windowPhase(window: ReportingWindow, today: IsoDate, reopenedUntil?: IsoDate | null): WindowPhase {
  if (today < window.opensOn) return 'not_open';
  if (today <= window.dueOn) return 'open';
  if (today <= window.closesOn) return 'late';
  return reopenedUntil && today <= reopenedUntil ? 'late' : 'closed';
}

/** Whether entry (or submission) on `today` is late. */
export const isLate = (window: ReportingWindow, today: IsoDate) => today > window.dueOn;

/** Errors of an admin's dates, by field: each a real date, and opening ≤ due ≤ closing. */
export function windowErrors(w: Partial<Record<keyof ReportingWindow, unknown>>): Partial<Record<keyof ReportingWindow, string>> {
  const errors: Partial<Record<keyof ReportingWindow, string>> = {};
  for (const k of ['opensOn', 'dueOn', 'closesOn'] as const) if (!isIsoDate(w[k])) errors[k] = 'dateInvalid';
  if (Object.keys(errors).length > 0) return errors;
  if ((w.opensOn as string) > (w.dueOn as string)) errors.dueOn = 'dueBeforeOpen';
  if ((w.dueOn as string) > (w.closesOn as string)) errors.closesOn = 'closeBeforeDue';
  return errors;
}
