import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../audit';
import type { GoodRow, RowProblem } from './import-rows';
import { figureOf } from './placement';
import { problem } from './types';

/**
 * The form's plausibility checks for imported rows, set-based: one query finds, for every
 * row of a chunk, its series' last stored value before the row's period and whether the period already has an
 * update (a lateral join on the series index); rows earlier in the same chunk count too. Rows that look wrong
 * are reported as warnings the user confirms, exactly like the form asks before saving.
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

interface Stored {
  ord: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  period_end: string | null;
  dup: boolean;
}

const seriesKey = (r: GoodRow) => `${r.indicator.id}:${r.place.city ?? 0}:${r.place.cluster ?? 0}:${r.place.partner ?? 0}`;

export async function importWarnings(db: DbOrTx, rows: GoodRow[]): Promise<RowProblem[]> {
  if (rows.length === 0) return [];
  const input = rows.map((r, ord) => ({
    ord,
    indicator_id: r.indicator.id,
    city: r.place.city ?? 0,
    cluster: r.place.cluster ?? 0,
    partner: r.place.partner ?? 0,
    pend: r.period.end,
  }));
  const series = (p: 'p') =>
    sql.raw(`${p}.indicator_id = s.indicator_id and coalesce(${p}.city_id, 0) = s.city
      and coalesce(${p}.cluster_id, 0) = s.cluster and coalesce(${p}.partner_id, 0) = s.partner and ${p}.status <> 'withdrawn'`);
  const stored = await rowsOf<Stored>(
    db,
    sql`select s.ord, l.value::float8 as value, l.numerator::float8 as numerator, l.denominator::float8 as denominator,
          l.period_end::text as period_end, d.id is not null as dup
        from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          as s(ord int, indicator_id int, city int, cluster int, partner int, pend date)
        left join lateral (
          -- One step down the series index. (Several updates in that period already drew a warning of their own;
          -- any of them serves as "the last value".)
          select p.value, p.numerator, p.denominator, p.period_end from progress_updates p
          where ${series('p')} and p.period_end < s.pend
          order by p.period_end desc limit 1
        ) l on true
        left join lateral (
          select p.id from progress_updates p where ${series('p')} and p.period_end = s.pend limit 1
        ) d on true`,
  );
  const byOrd = new Map(stored.map((s) => [Number(s.ord), s]));
  const bySeries = new Map<string, GoodRow[]>();
  for (const r of rows) bySeries.set(seriesKey(r), [...(bySeries.get(seriesKey(r)) ?? []), r]);

  const warnings: RowProblem[] = [];
  rows.forEach((r, ord) => {
    const db = byOrd.get(ord);
    // The series' last value before this period: the stored one, or a row earlier in the chunk if later.
    let last: { end: string; figure: number | null } | undefined =
      db?.period_end ? { end: db.period_end, figure: figureOf({ value: db.value, numerator: db.numerator, denominator: db.denominator }) } : undefined;
    let duplicate = Boolean(db?.dup);
    for (const o of bySeries.get(seriesKey(r)) ?? []) {
      if (o === r) continue;
      if (o.period.end === r.period.end && o.row < r.row) duplicate = true;
      if (o.period.end < r.period.end && (!last || o.period.end >= last.end)) last = { end: o.period.end, figure: figureOf(o.figures) };
    }
    const value = figureOf(r.figures);
    const lastValue = last?.figure ?? null;
    if (value !== null && lastValue !== null) {
      if (r.indicator.accumulation === 'cumulative' && value < lastValue) {
        warnings.push({ row: r.row, column: 'value', problem: problem('updates.validation.lowerThanLast', { last: lastValue }) });
      }
      if (lastValue > 0 && value > 10 * lastValue) {
        warnings.push({ row: r.row, column: 'value', problem: problem('updates.validation.tenTimesLast', { last: lastValue }) });
      }
    }
    if (duplicate) warnings.push({ row: r.row, column: 'period', problem: problem('updates.validation.samePeriodExists') });
  });
  return warnings;
}
