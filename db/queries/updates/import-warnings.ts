import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../audit';
import { flagKey, qualityFlags, QUALITY_THRESHOLDS } from '@/lib/quality/flags';
import type { GoodRow, RowProblem } from './import-rows';
import { figureOf } from './placement';
import { seriesFacts } from './quality';
import { problem } from './types';

/**
 * The form's data-quality flags for imported rows (a flagged row needs a note, as on the form: import.ts); and the
 * look-up of keys already stored.
 */

export async function rowsOf<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Keys of rows already stored (an earlier import of the same file, or a retried chunk). */
export async function existingKeys(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await rowsOf<{ key: string }>(
    db,
    sql`select idempotency_key::text as key from progress_updates
        where idempotency_key in (select (jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))::uuid)`,
  );
  return new Set(rows.map((r) => r.key));
}

const seriesKey = (r: GoodRow) => `${r.indicator.id}:${r.place.city ?? 0}:${r.place.cluster ?? 0}:${r.place.partner ?? 0}`;
const sameFigures = (a: GoodRow['figures'], b: GoodRow['figures']) => a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;

/**
 * The data-quality flags of a chunk's rows (lib/quality/flags.ts, fed by the one query of quality.ts), with the
 * rows earlier in the same chunk counted as if stored: a file holding Q1 and Q2 of a series is judged as a whole.
 */
export async function importWarnings(db: DbOrTx, plan: { startDate: string; endDate: string }, rows: GoodRow[]): Promise<RowProblem[]> {
  if (rows.length === 0) return [];
  const facts = await seriesFacts(
    db,
    rows.map((r) => ({
      indicatorId: r.indicator.id,
      cityId: r.place.city,
      clusterId: r.place.cluster,
      partnerId: r.place.partner,
      periodEnd: r.period.end,
      ...r.figures,
    })),
  );
  const bySeries = new Map<string, GoodRow[]>();
  for (const r of rows) bySeries.set(seriesKey(r), [...(bySeries.get(seriesKey(r)) ?? []), r]);
  const planPeriod = { start: plan.startDate, end: plan.endDate };
  const warnings: RowProblem[] = [];
  rows.forEach((r, ord) => {
    const stored = facts[ord]!;
    const recent = new Map(stored.recent.map((x) => [x.periodEnd, x.figure]));
    const reported = new Set(stored.reportedEnds);
    let duplicate = stored.duplicate;
    for (const o of bySeries.get(seriesKey(r)) ?? []) {
      if (o === r) continue;
      if (o.period.end === r.period.end && o.row < r.row && sameFigures(o.figures, r.figures)) duplicate = true;
      if (o.period.end < r.period.end) {
        reported.add(o.period.end);
        const figure = figureOf(o.figures);
        if (figure !== null) recent.set(o.period.end, figure);
      }
    }
    const merged = [...recent.entries()]
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .slice(0, QUALITY_THRESHOLDS.recentPeriods)
      .map(([periodEnd, figure]) => ({ periodEnd, figure }));
    const flags = qualityFlags(r.indicator, planPeriod, r.period, figureOf(r.figures), { recent: merged, duplicate, reportedEnds: [...reported] });
    for (const f of flags) {
      const column = f.kind === 'duplicate' || f.kind === 'gap' ? 'period' : 'value';
      warnings.push({ row: r.row, column, problem: problem(flagKey(f.kind), f.values) });
    }
  });
  return warnings;
}
