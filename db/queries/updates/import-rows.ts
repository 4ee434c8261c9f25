import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Period } from '@/lib/periods';
import { figuresSchema, isHttpUrl, MAX_NOTE, MAX_URL, type Figures } from '@/lib/validation/updates';
import type { ImportColumn, ImportRow } from '@/lib/validation/updates-import';
import { cities, clusters, indicators, partners, periodLocks, users } from '../../schema';
import type { DbOrTx } from '../audit';
import { resolvePeriod, type Indicator, type Plan } from './placement';
import { problem, type Problem } from './types';

/**
 * Checking the rows of one import chunk like the form checks one update: the same zod figure
 * rules and placement rules (indicator, period in the plan, locks, allowed disaggregations, registry names).
 * Everything the rows refer to is looked up set-based, once per chunk — the plan's indicators and locks, and only
 * the registry entries whose names occur in the chunk — so a chunk costs a handful of queries whatever its size.
 */

export interface RowProblem {
  row: number;
  column: ImportColumn;
  problem: Problem;
}

/** A row that passed every check: where it goes and its figures, ready to insert. */
export interface GoodRow {
  row: number;
  key: string;
  indicator: Indicator;
  period: Period;
  figures: Figures;
  place: { city: number | null; cluster: number | null; partner: number | null };
  note: string | null;
  evidenceUrl: string | null;
  status: 'draft' | 'submitted';
}

export interface Lock {
  indicatorId: number | null;
  start: string;
  end: string;
  by: string | null;
  at: Date;
}

type PlaceKind = 'city' | 'cluster' | 'partner';

export interface Lookups {
  plan: Plan;
  indicators: Map<string, Indicator>;
  /** Registry ids by the name given in the file (lower-cased English name, or the Chinese name). */
  places: Record<PlaceKind, Map<string, number[]>>;
  locks: Lock[];
  /** Resolved periods by indicator and text: a file repeats the same few periods on every row. */
  periods: Map<string, Period | undefined>;
}

const placeTables = { city: cities, cluster: clusters, partner: partners } as const;

export function loadLocks(db: DbOrTx, planId: number): Promise<Lock[]> {
  return db
    .select({ indicatorId: periodLocks.indicatorId, start: periodLocks.periodStart, end: periodLocks.periodEnd, by: users.name, at: periodLocks.lockedAt })
    .from(periodLocks)
    .leftJoin(users, eq(users.id, periodLocks.lockedBy))
    .where(eq(periodLocks.planId, planId));
}

/** The registry entries named in the chunk, matched by English name (any case) or Chinese name, in one query each. */
async function loadPlaces(db: DbOrTx, kind: PlaceKind, names: Set<string>): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (names.size === 0) return out;
  const table = placeTables[kind];
  const list = JSON.stringify([...names]);
  const rows = await db
    .select({ id: table.id, name: sql<string>`lower(trim(${table.name}))`, nameZh: sql<string | null>`lower(trim(${table.nameZh}))` })
    .from(table)
    .where(
      and(
        isNull(table.archivedAt),
        sql`(lower(trim(${table.name})) in (select jsonb_array_elements_text(${list}::jsonb))
          or lower(trim(${table.nameZh})) in (select jsonb_array_elements_text(${list}::jsonb)))`,
      ),
    );
  for (const r of rows) {
    for (const k of new Set([r.name, r.nameZh])) {
      if (k && names.has(k)) out.set(k, [...(out.get(k) ?? []), r.id]);
    }
  }
  return out;
}

export async function loadLookups(db: DbOrTx, plan: Plan, rows: ImportRow[]): Promise<Lookups> {
  const names: Record<PlaceKind, Set<string>> = { city: new Set(), cluster: new Set(), partner: new Set() };
  for (const r of rows) {
    for (const kind of ['city', 'cluster', 'partner'] as const) {
      const name = r.cells[kind]?.trim().toLowerCase();
      if (name) names[kind].add(name);
    }
  }
  const [inds, city, cluster, partner, locks] = await Promise.all([
    db.select().from(indicators).where(and(eq(indicators.planId, plan.id), isNull(indicators.retiredAt))),
    loadPlaces(db, 'city', names.city),
    loadPlaces(db, 'cluster', names.cluster),
    loadPlaces(db, 'partner', names.partner),
    loadLocks(db, plan.id),
  ]);
  return {
    plan,
    indicators: new Map(inds.map((i) => [i.code.toLowerCase(), i])),
    places: { city, cluster, partner },
    locks,
    periods: new Map(),
  };
}

function periodOf(l: Lookups, indicator: Indicator, text: string): Period | undefined {
  const key = `${indicator.id}:${text}`;
  if (!l.periods.has(key)) l.periods.set(key, resolvePeriod(indicator, l.plan, text));
  return l.periods.get(key);
}

/** The lock covering a period's end, for this indicator or the whole plan. */
export function lockFor(locks: Lock[], indicatorId: number, period: Period): Lock | undefined {
  return locks.find((k) => (k.indicatorId === null || k.indicatorId === indicatorId) && k.start <= period.end && period.end <= k.end);
}

export const lockedProblem = (lock: Lock) => problem('updates.validation.periodLocked', { by: lock.by ?? '—', at: new Date(lock.at).toISOString() });

const figureColumn: Record<string, ImportColumn> = { value: 'value', numerator: 'numerator', denominator: 'denominator', milestone: 'milestone' };

/** One row: its problems, or where it goes. */
export function checkRow(row: ImportRow, l: Lookups): { bad: RowProblem[]; good?: GoodRow } {
  const bad: RowProblem[] = [];
  const add = (column: ImportColumn, key: string, values?: Problem['values']) => bad.push({ row: row.row, column, problem: problem(key, values) });
  const c = row.cells;
  const code = c.indicator_code ?? '';
  const indicator = l.indicators.get(code.toLowerCase());
  if (!indicator) {
    add('indicator_code', code ? 'updates.validation.indicatorUnknown' : 'updates.validation.indicatorRequired', { code });
    return { bad };
  }
  if (indicator.source === 'derived') {
    add('indicator_code', 'updates.validation.indicatorDerived', { code: indicator.code });
    return { bad };
  }
  const period = c.period ? periodOf(l, indicator, c.period) : undefined;
  if (!period) add('period', c.period ? 'updates.validation.periodOutsidePlan' : 'updates.validation.periodRequired', { period: c.period ?? '' });
  const lock = period && lockFor(l.locks, indicator.id, period);
  if (lock) bad.push({ row: row.row, column: 'period', problem: lockedProblem(lock) });
  const raw = { value: c.value ?? '', numerator: c.numerator ?? '', denominator: c.denominator ?? '', milestone: (c.milestone ?? '').toLowerCase() };
  const figures = figuresSchema(indicator.valueKind).safeParse(raw);
  if (!figures.success) {
    for (const issue of figures.error.issues) add(figureColumn[String(issue.path[0])] ?? 'value', issue.message);
  }
  const place: GoodRow['place'] = { city: null, cluster: null, partner: null };
  for (const kind of ['city', 'cluster', 'partner'] as const) {
    const name = c[kind];
    if (!name) continue;
    if (!indicator.disaggregations.includes(kind)) {
      add(kind, 'updates.validation.disaggregationNotAllowed', { code: indicator.code, kind });
      continue;
    }
    const ids = l.places[kind].get(name.trim().toLowerCase()) ?? [];
    if (ids.length === 1) place[kind] = ids[0]!;
    else add(kind, ids.length ? 'updates.validation.nameAmbiguous' : 'updates.validation.nameUnknown', { name });
  }
  const note = c.note ?? '';
  if (note.length > MAX_NOTE) add('note', 'updates.validation.noteTooLong');
  const url = c.evidence_url ?? '';
  if (url.length > MAX_URL) add('evidence_url', 'updates.validation.urlTooLong');
  else if (url && !isHttpUrl(url)) add('evidence_url', 'updates.validation.urlInvalid');
  const status = (c.status ?? '').toLowerCase() || 'submitted';
  if (status !== 'draft' && status !== 'submitted') add('status', 'updates.validation.importStatus');
  if (bad.length || !period || !figures.success) return { bad };
  return {
    bad,
    good: {
      row: row.row,
      key: row.key,
      indicator,
      period,
      figures: figures.data,
      place,
      note: note || null,
      evidenceUrl: url || null,
      status: status as GoodRow['status'],
    },
  };
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Checks rows in slices, yielding to the event loop between slices so other requests are served meanwhile. */
export async function checkRows(rows: ImportRow[], l: Lookups, slice = 250): Promise<{ bad: RowProblem[]; good: GoodRow[] }> {
  const bad: RowProblem[] = [];
  const good: GoodRow[] = [];
  for (let i = 0; i < rows.length; i += slice) {
    if (i > 0) await yieldToOthers();
    for (const row of rows.slice(i, i + slice)) {
      const checked = checkRow(row, l);
      bad.push(...checked.bad);
      if (checked.good) good.push(checked.good);
    }
  }
  return { bad, good };
}
