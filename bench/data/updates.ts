import { int, pick, rng, type Rand } from '../lib/rng';
import { BENCH, type BenchIndicator, type Structure } from './model';

/**
 * The progress updates: `total` rows over the manual indicators (skewed: some indicators get three times as
 * many as others), each indicator's rows filling (period, series) slots period by period, where a series is a
 * city, cluster or partner by the indicator's disaggregation. Rows come out in time order across indicators
 * (month by month), as a real database fills, so one indicator's history is spread over the whole table.
 * Deterministic: the same structure and seed give the same rows, so a second pass regenerates the audit rows.
 */

export const UPDATE_COLUMNS = [
  'indicator_id', 'period_start', 'period_end', 'value', 'numerator', 'denominator', 'city_id', 'cluster_id',
  'partner_id', 'note', 'evidence_url', 'status', 'reported_by', 'reviewed_by', 'reviewed_at', 'version',
  'created_at', 'updated_at',
] as const;

export interface GeneratedUpdate {
  row: unknown[];
  indicatorId: number;
  status: string;
  reportedBy: string;
  createdAt: string;
  figures: { value: string | null; numerator: string | null; denominator: string | null };
  place: { cityId: number | null; clusterId: number | null; partnerId: number | null };
  period: { start: string; end: string };
  correction: null | { at: string; old: { value: string | null; numerator: string | null; denominator: string | null } };
}

interface Plan {
  indicator: BenchIndicator;
  series: (number | null)[];
  /** Rows per begun period. */
  perPeriod: number[];
}

function seriesOf(i: BenchIndicator, s: Structure): (number | null)[] {
  const d = i.disaggregations[0];
  return d === 'city' ? s.cityIds : d === 'cluster' ? s.clusterIds : d === 'partner' ? s.partnerIds : [null];
}

/** How many rows each manual indicator gets, and in which (period, series) slots. */
export function allocate(s: Structure, total: number, seed: number): { plans: Plan[]; total: number } {
  const r = rng(seed ^ 0x5eed);
  const manual = s.indicators.filter((i) => i.source === 'manual');
  const weights = manual.map(() => 0.5 + r());
  const sum = weights.reduce((a, b) => a + b, 0);
  const caps = manual.map((i) => i.begun.length * seriesOf(i, s).length);
  const counts = manual.map((_, k) => Math.min(caps[k]!, Math.floor((total * weights[k]!) / sum)));
  let left = total - counts.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let moved = 0;
    for (let k = 0; k < manual.length && left > 0; k++) {
      const room = caps[k]! - counts[k]!;
      if (room <= 0) continue;
      const add = Math.min(room, Math.ceil(left / manual.length) + 1, left);
      counts[k]! += add;
      left -= add;
      moved += add;
    }
    if (moved === 0) break;
  }
  const plans = manual.map((indicator, k) => {
    const all = seriesOf(indicator, s);
    const periods = indicator.begun.length;
    const width = Math.min(all.length, Math.ceil(counts[k]! / periods));
    const offset = (indicator.index * 37) % all.length;
    const series = Array.from({ length: width }, (_, j) => all[(offset + j) % all.length]!);
    const perPeriod = Array.from({ length: periods }, (_, p) => Math.max(0, Math.min(width, counts[k]! - p * width)));
    return { indicator, series, perPeriod };
  });
  return { plans, total: counts.reduce((a, b) => a + b, 0) };
}

const END_OF_AS_OF = Date.parse(`${BENCH.asOf}T23:00:00Z`);

const monthOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function timestampAfter(r: Rand, date: string, minDays: number, maxDays: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + int(r, minDays, maxDays) * 86400000 + int(r, 7 * 3600, 19 * 3600) * 1000;
  const cap = Date.parse(`${BENCH.asOf}T12:00:00Z`) - int(r, 0, 3600 * 24 * 3) * 1000;
  return new Date(Math.min(t, cap)).toISOString();
}

function statusFor(r: Rand, recent: boolean): string {
  const x = r();
  if (recent) return x < 0.45 ? 'approved' : x < 0.75 ? 'submitted' : x < 0.93 ? 'draft' : 'returned';
  return x < 0.92 ? 'approved' : x < 0.95 ? 'submitted' : x < 0.97 ? 'returned' : 'withdrawn';
}

function figures(r: Rand, i: BenchIndicator, seriesIndex: number, p: number) {
  if (i.valueKind === 'percent') {
    const den = int(r, 20, 220);
    return { value: null, numerator: String(Math.floor(den * (0.35 + r() * 0.6))), denominator: String(den) };
  }
  if (i.valueKind === 'milestone') return { value: p >= i.begun.length / 2 ? '1' : '0', numerator: null, denominator: null };
  const scale = i.valueKind === 'currency' ? 1000 : 1;
  const step = 1 + (seriesIndex % 7);
  let v: number;
  if (i.accumulation === 'non_cumulative') v = int(r, 1, 20) * scale;
  else if (i.accumulation === 'cumulative') v = ((p + 1) * step + int(r, 0, step)) * scale;
  else v = (10 + (seriesIndex % 13) + int(r, 0, 5)) * scale;
  return { value: i.valueKind === 'currency' ? (v + int(r, 0, 99) / 100).toFixed(2) : String(v), numerator: null, denominator: null };
}

/** Every update in time order. Run twice with the same arguments, it yields the same rows. */
export function* generateUpdates(s: Structure, plans: Plan[], seed: number): Generator<GeneratedUpdate> {
  const r = rng(seed);
  const first = monthOf(BENCH.planStart);
  const last = monthOf(BENCH.asOf) + 2;
  const byMonth = new Map<number, { plan: Plan; p: number }[]>();
  for (const plan of plans) {
    plan.indicator.begun.forEach((period, p) => {
      const m = Math.max(first, Math.min(last, monthOf(period.end)));
      (byMonth.get(m) ?? byMonth.set(m, []).get(m)!).push({ plan, p });
    });
  }
  for (let m = first; m <= last; m++) {
    for (const { plan, p } of byMonth.get(m) ?? []) {
      const i = plan.indicator;
      const period = i.begun[p]!;
      const recent = p >= i.begun.length - 2;
      const dimension = i.disaggregations[0];
      for (let k = 0; k < plan.perPeriod[p]!; k++) {
        const member = plan.series[k]!;
        const f = figures(r, i, k, p);
        const status = statusFor(r, recent);
        const reportedBy = s.users.staff[(i.index + k) % s.users.staff.length]!;
        const createdAt = timestampAfter(r, period.end, 2, 40);
        const reviewed = status === 'approved' || status === 'returned';
        // The as-of date is the database's "today": nothing is reviewed or corrected after it.
        const later = (hours: number) => new Date(Math.min(Date.parse(createdAt) + hours * 3600000, Math.max(Date.parse(createdAt), END_OF_AS_OF))).toISOString();
        const reviewedAt = reviewed ? later(int(r, 1, 72)) : null;
        const corrected = r() < 0.02;
        const correctionAt = corrected ? later(int(r, 1, 96)) : null;
        const old = corrected ? { ...f, value: f.value === null ? null : String(Math.max(0, Number(f.value) - 1)) } : null;
        const place = { cityId: dimension === 'city' ? member : null, clusterId: dimension === 'cluster' ? member : null, partnerId: dimension === 'partner' ? member : null };
        const note = r() < 0.1 ? pick(r, ['Reported by the city focal point', 'From the quarterly survey', 'Partial figure; confirmed later']) : null;
        const updatedAt = [createdAt, reviewedAt, correctionAt].filter((x): x is string => x !== null).sort().at(-1)!;
        yield {
          row: [i.id, period.start, period.end, f.value, f.numerator, f.denominator, place.cityId, place.clusterId, place.partnerId, note, note && r() < 0.5 ? 'https://example.org/evidence' : null, status, reportedBy, reviewed ? s.users.admin : null, reviewedAt, corrected ? 2 : 1, createdAt, updatedAt],
          indicatorId: i.id,
          status,
          reportedBy,
          createdAt,
          figures: f,
          place,
          period,
          correction: corrected ? { at: correctionAt!, old: old! } : null,
        };
      }
    }
  }
}
