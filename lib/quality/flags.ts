import { periodKey, periodsBetween, type Frequency, type Period } from '../periods';

/**
 * Data-quality flags: the one home of what makes a reported value look wrong, and of the thresholds. A flag asks
 * the reporter for a note and the reviewer for a second look; it never refuses an honest value. The facts come from
 * one query (db/queries/updates/quality.ts); the log form, the import and the review queue all call `qualityFlags`.
 */

export type FlagKind = 'farFromRecent' | 'lowerThanLast' | 'duplicate' | 'gap';

export interface Flag {
  kind: FlagKind;
  values?: Record<string, string | number>;
}

/**
 * The thresholds, per kind of indicator. Counts and amounts of a period (non-cumulative) and levels (snapshot)
 * compare by ratio, since they scale with the programme; running totals compare their growth with the growth seen
 * so far, since a total only climbs; percentages compare in points, since 5 % → 15 % is a big move but 80 % → 90 %
 * is not three times anything.
 */
export const QUALITY_THRESHOLDS = {
  /** How many earlier periods of the series make "recent". */
  recentPeriods: 4,
  /** non_cumulative counts and amounts: far when above ratio × the recent median, or below it ÷ ratio. */
  periodRatio: 3,
  /** snapshot levels: far when above ratio × the last level, or below it ÷ ratio. */
  levelRatio: 3,
  /** cumulative totals: far when the growth since the last total is above ratio × the median recent growth. */
  growthRatio: 3,
  /** cumulative totals with a single earlier total (no growth seen yet): far when above this many times it. */
  firstGrowthRatio: 10,
  /** percentages: far when this many points or more from the mean of the recent values. */
  percentPoints: 25,
} as const;

export interface FlagIndicator {
  valueKind: 'count' | 'percent' | 'currency' | 'milestone';
  accumulation: 'non_cumulative' | 'cumulative' | 'snapshot';
  frequency: Frequency;
}

export interface SeriesFacts {
  /** The series' figures of its most recent earlier periods (one per period), newest first. */
  recent: { periodEnd: string; figure: number }[];
  /** Another update of the series for the same period with the same figures. */
  duplicate: boolean;
  /** The period ends of the plan before this period in which the series has something reported. */
  reportedEnds: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const round = (x: number) => Math.round(x * 100) / 100;

/** Whether a figure is far from the series' recent figures, by the indicator's kind; the basis it was held against. */
export function farFromRecent(ind: FlagIndicator, figure: number, recent: number[]): number | undefined {
  const T = QUALITY_THRESHOLDS;
  if (recent.length === 0 || ind.valueKind === 'milestone') return undefined;
  if (ind.valueKind === 'percent') {
    const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
    return Math.abs(figure - mean) >= T.percentPoints ? round(mean) : undefined;
  }
  const last = recent[0]!;
  if (ind.accumulation === 'cumulative') {
    // Growth per period seen so far (newest first: each total minus the one before it).
    const growths = recent.slice(0, -1).map((x, i) => x - recent[i + 1]!).filter((g) => g > 0);
    const growth = figure - last;
    if (growths.length === 0) return last > 0 && figure > T.firstGrowthRatio * last ? last : undefined;
    return growth > T.growthRatio * median(growths) ? last : undefined;
  }
  const basis = ind.accumulation === 'snapshot' ? last : median(recent);
  const ratio = ind.accumulation === 'snapshot' ? T.levelRatio : T.periodRatio;
  // With nothing but zeros before there is no scale to compare with.
  if (basis <= 0) return undefined;
  return figure > ratio * basis || figure < basis / ratio ? round(basis) : undefined;
}

/**
 * The periods of the plan, before `period`, since the series' first report, in which nothing was reported. Counted
 * from the first report rather than the plan's start: a city or partner may join the programme midway, and an
 * indicator with nothing at all is already chased as overdue by the reporting cycle.
 */
export function gapPeriods(ind: FlagIndicator, plan: Period, period: Period, reportedEnds: string[]): string[] {
  if (reportedEnds.length === 0) return [];
  const first = reportedEnds.reduce((a, b) => (a < b ? a : b));
  const reported = new Set(reportedEnds);
  return periodsBetween(ind.frequency, plan.start, plan.end)
    .filter((p) => p.end >= first && p.end < period.start && !reported.has(p.end))
    .map((p) => periodKey(p, ind.frequency));
}

/** Every flag of a value: its figure (null for a milestone), its indicator, period and the series' facts. */
export function qualityFlags(ind: FlagIndicator, plan: Period, period: Period, figure: number | null, facts: SeriesFacts): Flag[] {
  const flags: Flag[] = [];
  const last = facts.recent[0]?.figure;
  if (figure !== null && last !== undefined) {
    if (ind.accumulation === 'cumulative' && figure < last) flags.push({ kind: 'lowerThanLast', values: { last: round(last) } });
    const basis = farFromRecent(ind, figure, facts.recent.map((r) => r.figure));
    if (basis !== undefined) flags.push({ kind: 'farFromRecent', values: { recent: basis } });
  }
  if (facts.duplicate) flags.push({ kind: 'duplicate' });
  const gaps = gapPeriods(ind, plan, period, facts.reportedEnds);
  if (gaps.length > 0) flags.push({ kind: 'gap', values: { periods: gaps.join(', ') } });
  return flags;
}

/** The message key of a flag (under updates.quality). */
export const flagKey = (kind: FlagKind) => `updates.quality.${kind}`;

/** The message key asking for the note a flag needs. */
export const NOTE_REQUIRED = 'updates.quality.noteRequired';

/**
 * Whether a value with these flags still lacks its note: the one rule of what a flag asks, for the log form, a
 * correction and each imported row. A note (any, saying why the value holds) is all it takes; nothing is refused
 * for being unusual.
 */
export const needsNote = (flags: readonly unknown[], note: string | null | undefined): boolean => flags.length > 0 && !(note ?? '').trim();
