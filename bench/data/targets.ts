import type { Sql } from 'postgres';
import { rng } from '../lib/rng';
import type { BenchIndicator } from './model';
import type { GeneratedUpdate } from './updates';

/**
 * Targets that make the overview interesting: each indicator's final target is set from what its generated
 * updates add up to by the as-of date, times a factor, so statuses spread over ahead / on track / at risk /
 * off track. A third of the indicators get yearly milestones, and one in fifty a revised final target.
 */
export class ActualTracker {
  private readonly sums = new Map<number, { sum: number; num: number; den: number; latest: Map<string, number> }>();

  add(u: GeneratedUpdate): void {
    if (u.status !== 'approved') return;
    const t = this.sums.get(u.indicatorId) ?? { sum: 0, num: 0, den: 0, latest: new Map() };
    this.sums.set(u.indicatorId, t);
    if (u.figures.numerator !== null) {
      t.num += Number(u.figures.numerator);
      t.den += Number(u.figures.denominator);
    } else {
      const v = Number(u.figures.value);
      t.sum += v;
      t.latest.set(`${u.place.cityId}-${u.place.clusterId}-${u.place.partnerId}`, v);
    }
  }

  /** Roughly the actual to date (non-cumulative: the sum; others: the latest level per series, summed). */
  actual(i: BenchIndicator): number {
    const t = this.sums.get(i.id);
    if (!t) return 0;
    if (i.valueKind === 'percent') return t.den > 0 ? (100 * t.num) / t.den : 0;
    if (i.accumulation === 'non_cumulative') return t.sum;
    return [...t.latest.values()].reduce((a, b) => a + b, 0);
  }
}

const round = (v: number) => Math.max(1, Math.round(v));

export async function setTargets(sql: Sql, indicators: BenchIndicator[], tracker: ActualTracker, seed: number, adminId: string) {
  const r = rng(seed ^ 0x7a26e7);
  const rows: { id: number; target: number; baseline: number }[] = [];
  const milestones: { indicator_id: number; period_start: string; period_end: string; target_value: number }[] = [];
  const revisions: { indicator_id: number; old_value: number; new_value: number; effective_on: string; reason: string; revised_by: string }[] = [];
  for (const i of indicators) {
    if (i.source === 'derived') {
      rows.push({ id: i.id, target: i.valueKind === 'percent' ? 60 : round(20 + r() * 200), baseline: 0 });
      continue;
    }
    const actual = tracker.actual(i);
    const factor = 0.75 + r() * 0.6;
    const share = i.begun.length / i.periods.length;
    let target: number;
    let baseline = 0;
    if (i.valueKind === 'milestone') target = 1;
    else if (i.valueKind === 'percent') target = Math.min(100, round(actual * factor));
    else if (i.accumulation === 'non_cumulative') target = round((actual / share) * factor);
    else if (i.accumulation === 'cumulative') target = round((actual / share) * factor);
    else target = round(actual * factor);
    if (i.direction === 'decrease' && i.valueKind !== 'milestone') {
      baseline = round(actual * 2 + 10);
      target = round(actual * (0.8 + r() * 0.4));
    }
    rows.push({ id: i.id, target, baseline });
    if (i.index % 3 === 0 && i.valueKind !== 'milestone' && i.direction === 'increase') {
      for (let y = 0; y < 5; y++) {
        const year = 2021 + y;
        const yearly = i.accumulation === 'non_cumulative' ? target / 5 : (target * (y + 1)) / 5;
        milestones.push({ indicator_id: i.id, period_start: `${year}-01-01`, period_end: `${year}-12-31`, target_value: Math.round(yearly * 100) / 100 });
      }
    }
    if (i.index % 50 === 1) {
      revisions.push({ indicator_id: i.id, old_value: round(target * 0.8), new_value: target, effective_on: '2024-07-01', reason: 'Revised by the Steering Committee', revised_by: adminId });
    }
  }
  for (let k = 0; k < rows.length; k += 2000) {
    const part = rows.slice(k, k + 2000).map((x) => [x.id, x.target, x.baseline]);
    await sql`update indicators i set target_value = v.target::numeric, baseline_value = v.baseline::numeric
      from (values ${sql(part as never)}) as v(id, target, baseline) where i.id = v.id::int`;
  }
  for (let k = 0; k < milestones.length; k += 5000) await sql`insert into indicator_targets ${sql(milestones.slice(k, k + 5000))}`;
  if (revisions.length > 0) await sql`insert into target_revisions ${sql(revisions)}`;
}
