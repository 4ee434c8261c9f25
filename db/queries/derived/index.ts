import { sql, type SQL } from 'drizzle-orm';
import { periodContaining, type Frequency, type Period } from '@/lib/periods';
import type { Accumulation } from '@/lib/progress/types';
import type { Db } from '../../client';
import type { ActualToDateRow, PeriodAggregateRow } from '../progress';
import { queryRows } from '../raw';
import { derivedDefinition, type DerivedDefinition } from './definitions';

export { DERIVED, derivedDefinition, derivedKeys, type DerivedRegistry, type DerivedKey } from './definitions';

/**
 * Derived indicators computed from the registries, in the shapes of db/queries/progress.ts (`actualsToDate`,
 * `indicatorSeries`), so pages and lib/progress treat them exactly like manual ones.
 *
 * Windows. For a date `to` (the as-of date, or a period's end clamped to it):
 * - non_cumulative: what happened in the period (to date: since the plan began), periods add up;
 * - cumulative: everything since the plan began, up to `to`;
 * - snapshot: the state at `to`; for event queries (e.g. mean days to respond), the events of the reporting
 *   period containing `to`.
 * A computed reading counts as reported (count 1): zero engaged cities is a value, not missing data.
 */

export interface DerivedIndicator {
  id: number;
  derivedKey: string | null;
  accumulation: Accumulation;
  frequency: Frequency;
}

export interface PlanDates {
  startDate: string;
  endDate: string;
}

interface Window {
  from: string;
  to: string;
}

interface WindowRow {
  ord: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

function windowsRelation(windows: readonly Window[]): SQL {
  const rows = sql.join(
    windows.map((w, i) => sql`(${i}::int, ${w.from}::date, ${w.to}::date)`),
    sql`, `,
  );
  return sql`(values ${rows}) as w(ord, from_d, to_d)`;
}

async function evaluate(db: Db, def: DerivedDefinition, windows: readonly Window[]): Promise<WindowRow[]> {
  if (windows.length === 0) return [];
  const rows = await queryRows<WindowRow>(db, sql`select * from (${def.query(windowsRelation(windows))}) q order by ord`);
  const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
  return windows.map((_, i) => byOrd.get(i) ?? { ord: i, value: null, numerator: null, denominator: null });
}

/** The window a reading at `to` covers; `periodStart` is the start of the period being charted, if any. */
function windowFor(ind: DerivedIndicator, plan: PlanDates, to: string, periodStart?: string): Window {
  if (ind.accumulation === 'non_cumulative') return { from: periodStart ?? plan.startDate, to };
  if (ind.accumulation === 'cumulative') return { from: plan.startDate, to };
  const period = periodContaining(ind.frequency, to, plan.startDate, plan.endDate);
  return { from: period?.start ?? plan.startDate, to };
}

/** The actual to date of each derived indicator given (others are ignored), keyed by indicator id. */
export async function derivedActualsToDate(
  db: Db,
  plan: PlanDates,
  asOf: string,
  indicators: readonly DerivedIndicator[],
): Promise<Map<number, ActualToDateRow>> {
  const out = new Map<number, ActualToDateRow>();
  await Promise.all(
    indicators.map(async (ind) => {
      const def = derivedDefinition(ind.derivedKey);
      if (!def) return;
      const [[row], last] = await Promise.all([
        evaluate(db, def, [windowFor(ind, plan, asOf)]),
        queryRows<{ at: string | null }>(db, sql`select ${def.lastChange} as at`),
      ]);
      out.set(ind.id, {
        indicatorId: ind.id,
        value: row?.value ?? null,
        numerator: row?.numerator ?? null,
        denominator: row?.denominator ?? null,
        count: 1,
        lastUpdatedAt: last[0]?.at ?? null,
      });
    }),
  );
  return out;
}

/**
 * One derived indicator's reading per period. Periods that have not begun by `asOf` have no reading (as with
 * manual indicators, nothing can be reported for them yet); the period in progress is read at `asOf`.
 */
export async function derivedIndicatorSeries(
  db: Db,
  ind: DerivedIndicator,
  plan: PlanDates,
  periods: readonly Period[],
  asOf: string,
): Promise<PeriodAggregateRow[]> {
  const def = derivedDefinition(ind.derivedKey);
  const begun = periods.filter((p) => p.start <= asOf);
  const rows = def
    ? await evaluate(
        db,
        def,
        begun.map((p) => windowFor(ind, plan, p.end < asOf ? p.end : asOf, p.start)),
      )
    : [];
  return periods.map((p, i) => {
    const row = i < begun.length ? rows[i] : undefined;
    if (!row) return { periodEnd: p.end, value: null, numerator: null, denominator: null, count: 0, reported: false };
    return { periodEnd: p.end, value: row.value, numerator: row.numerator, denominator: row.denominator, count: 1, reported: true };
  });
}

/** The registry a derived indicator is computed from, for the "derived from …" note; undefined if unknown. */
export function derivedRegistryOf(derivedKey: string | null | undefined) {
  return derivedDefinition(derivedKey)?.registry;
}
