/**
 * Calendar periods for work plans.
 *
 * Dates are ISO calendar dates 'YYYY-MM-DD' with no time of day and no time
 * zone, so the public API never hands out JS Date objects (whose local-time
 * behaviour shifts days across zones). Internally a date becomes a day
 * number (days since 1970-01-01) by pure integer arithmetic, which is exact
 * for every year 0000–9999 — unlike Date.UTC, which maps years 0–99 to 19xx.
 *
 * ISO strings of this shape compare correctly with < and >, so callers may
 * compare them directly.
 */

export type IsoDate = string;
export type Frequency = 'monthly' | 'quarterly' | 'semiannual' | 'annual';
/** A calendar period; both ends are inclusive days. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_PER_PERIOD: Record<Frequency, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2021-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

function parts(d: IsoDate): [number, number, number] {
  // Fail loudly: a malformed date silently turning into NaN would corrupt every target.
  if (!isIsoDate(d)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${String(d)}`);
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

function fmt(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Days from civil / civil from days (H. Hinnant's proleptic Gregorian algorithms).
function toDayNumber(date: IsoDate): number {
  const [y0, m, d] = parts(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return fmt(era * 400 + yoe + (m <= 2 ? 1 : 0), m, d);
}

/** Signed number of days from a to b (b − a): daysBetween('2020-02-28', '2020-03-01') = 2. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The date n days after (n < 0: before) the given date. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** The unclipped calendar period (Q1 = Jan 1–Mar 31, H2 = Jul 1–Dec 31, …) containing date. */
export function calendarPeriodOf(frequency: Frequency, date: IsoDate): Period {
  const [y, m] = parts(date);
  const n = MONTHS_PER_PERIOD[frequency];
  const firstMonth = Math.floor((m - 1) / n) * n + 1;
  const lastMonth = firstMonth + n - 1;
  return { start: fmt(y, firstMonth, 1), end: fmt(y, lastMonth, daysInMonth(y, lastMonth)) };
}

/**
 * The calendar-aligned periods overlapping [planStart, planEnd], in order,
 * each clipped to the plan (a plan starting 2020-02-15 has a first quarter
 * 2020-02-15..2020-03-31). Empty when planStart > planEnd.
 */
export function periodsBetween(frequency: Frequency, planStart: IsoDate, planEnd: IsoDate): Period[] {
  parts(planEnd); // validate even when the loop below would not touch it
  const out: Period[] = [];
  let cursor = planStart;
  while (cursor <= planEnd) {
    const cal = calendarPeriodOf(frequency, cursor);
    out.push({ start: cursor, end: cal.end < planEnd ? cal.end : planEnd });
    cursor = addDays(cal.end, 1);
  }
  return out;
}

/** The (clipped) plan period containing date, or undefined when date lies outside the plan. */
export function periodContaining(
  frequency: Frequency,
  date: IsoDate,
  planStart: IsoDate,
  planEnd: IsoDate,
): Period | undefined {
  parts(date);
  if (date < planStart || date > planEnd) return undefined;
  const cal = calendarPeriodOf(frequency, date);
  return {
    start: cal.start > planStart ? cal.start : planStart,
    end: cal.end < planEnd ? cal.end : planEnd,
  };
}

/** The as-of date every date-dependent view uses: today clamped into [planStart, planEnd]. */
export function clampAsOf(today: IsoDate, planStart: IsoDate, planEnd: IsoDate): IsoDate {
  parts(today);
  if (today < planStart) return planStart;
  if (today > planEnd) return planEnd;
  return today;
}

/**
 * Stable machine label of a period, derived from its start (so a clipped
 * period keeps its calendar label): '2020-03', '2020-Q2', '2020-H1', '2020'.
 * Human labels come from i18n elsewhere.
 */
export function periodKey(period: Period, frequency: Frequency): string {
  const [y, m] = parts(period.start);
  const year = String(y).padStart(4, '0');
  switch (frequency) {
    case 'monthly':
      return `${year}-${String(m).padStart(2, '0')}`;
    case 'quarterly':
      return `${year}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'semiannual':
      return `${year}-H${m <= 6 ? 1 : 2}`;
    case 'annual':
      return year;
  }
}

/** Quarters and the whole year of a plan: the choices of the review filters and the plan-wide lock. */
export function planPeriodChoices(plan: { startDate: string; endDate: string }) {
  const quarters = periodsBetween('quarterly', plan.startDate, plan.endDate).map((p) => ({ ...p, key: periodKey(p, 'quarterly') }));
  return [...quarters, { start: plan.startDate, end: plan.endDate, key: plan.startDate.slice(0, 4) }];
}
