import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Period } from '@/lib/periods';
import { figuresSchema, isHttpUrl, MAX_NOTE, MAX_URL } from '@/lib/validation/updates';
import type { ImportColumn, ImportRow } from '@/lib/validation/updates-import';
import type { Db } from '../../client';
import { cities, clusters, indicators, partners, periodLocks, progressUpdates, users } from '../../schema';
import { writeAudit } from '../audit';
import { findPlanById, resolvePeriod, type Indicator, type Plan } from './placement';
import { problem, type Problem } from './types';

/**
 * The import of progress updates (issue 5, item 7). Each chunk of rows is validated like the form (same zod
 * figure rules, same placement rules: plan, period, locks, disaggregations) against lookups loaded once per
 * chunk; `mode: 'check'` only reports, `mode: 'import'` stores the good rows in one transaction with one audit
 * row. Rows carry keys derived from the file, so a chunk sent twice (a retry) or the same file imported again
 * stores each row once.
 */

export interface RowProblem {
  row: number;
  column: ImportColumn;
  problem: Problem;
}

export interface ImportChunkResult {
  checked: number;
  good: number;
  imported: number;
  /** Rows already stored by an earlier import of the same file. */
  alreadyImported: number;
  bad: RowProblem[];
}

interface Lookups {
  plan: Plan;
  indicators: Map<string, Indicator>;
  cities: Map<string, number[]>;
  clusters: Map<string, number[]>;
  partners: Map<string, number[]>;
  locks: { indicatorId: number | null; start: string; end: string; by: string | null; at: Date }[];
  /** Resolved periods by indicator and text: a file repeats the same few periods on every row. */
  periods: Map<string, Period | undefined>;
}

function byName(rows: { id: number; name: string }[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const k = r.name.trim().toLowerCase();
    out.set(k, [...(out.get(k) ?? []), r.id]);
  }
  return out;
}

async function loadLookups(db: Db, plan: Plan): Promise<Lookups> {
  const [inds, cityRows, clusterRows, partnerRows, locks] = await Promise.all([
    db.select().from(indicators).where(and(eq(indicators.planId, plan.id), isNull(indicators.retiredAt))),
    db.select({ id: cities.id, name: cities.name }).from(cities).where(isNull(cities.archivedAt)),
    db.select({ id: clusters.id, name: clusters.name }).from(clusters).where(isNull(clusters.archivedAt)),
    db.select({ id: partners.id, name: partners.name }).from(partners).where(isNull(partners.archivedAt)),
    db
      .select({ indicatorId: periodLocks.indicatorId, start: periodLocks.periodStart, end: periodLocks.periodEnd, by: users.name, at: periodLocks.lockedAt })
      .from(periodLocks)
      .leftJoin(users, eq(users.id, periodLocks.lockedBy))
      .where(eq(periodLocks.planId, plan.id)),
  ]);
  return {
    plan,
    indicators: new Map(inds.map((i) => [i.code.toLowerCase(), i])),
    cities: byName(cityRows),
    clusters: byName(clusterRows),
    partners: byName(partnerRows),
    locks,
    periods: new Map(),
  };
}

function periodOf(l: Lookups, indicator: Indicator, text: string): Period | undefined {
  const key = `${indicator.id}:${text}`;
  if (!l.periods.has(key)) l.periods.set(key, resolvePeriod(indicator, l.plan, text));
  return l.periods.get(key);
}

type NewRow = typeof progressUpdates.$inferInsert;

const figureColumn: Record<string, ImportColumn> = { value: 'value', numerator: 'numerator', denominator: 'denominator', milestone: 'milestone' };

/** One row: its problems, or the update to insert. */
function checkRow(row: ImportRow, l: Lookups, actorId: string | null): { bad: RowProblem[]; insert?: NewRow } {
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
  const lock = period && l.locks.find((k) => (k.indicatorId === null || k.indicatorId === indicator.id) && k.start <= period.end && period.end <= k.end);
  if (lock) add('period', 'updates.validation.periodLocked', { by: lock.by ?? '—', at: new Date(lock.at).toISOString() });
  const raw = { value: c.value ?? '', numerator: c.numerator ?? '', denominator: c.denominator ?? '', milestone: (c.milestone ?? '').toLowerCase() };
  const figures = figuresSchema(indicator.valueKind).safeParse(raw);
  if (!figures.success) {
    for (const issue of figures.error.issues) add(figureColumn[String(issue.path[0])] ?? 'value', issue.message);
  }
  const place: Record<'city' | 'cluster' | 'partner', number | null> = { city: null, cluster: null, partner: null };
  for (const kind of ['city', 'cluster', 'partner'] as const) {
    const name = c[kind];
    if (!name) continue;
    if (!indicator.disaggregations.includes(kind)) {
      add(kind, 'updates.validation.disaggregationNotAllowed', { code: indicator.code, kind });
      continue;
    }
    const ids = l[kind === 'city' ? 'cities' : kind === 'cluster' ? 'clusters' : 'partners'].get(name.toLowerCase()) ?? [];
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
    insert: {
      indicatorId: indicator.id,
      periodStart: period.start,
      periodEnd: period.end,
      ...figures.data,
      cityId: place.city,
      clusterId: place.cluster,
      partnerId: place.partner,
      note: note || null,
      evidenceUrl: url || null,
      status: status as 'draft' | 'submitted',
      reportedBy: actorId,
      idempotencyKey: row.key,
    },
  };
}

export async function importChunk(
  db: Db,
  input: { planId: number; rows: ImportRow[]; mode: 'check' | 'import'; actorId: string | null },
): Promise<ImportChunkResult> {
  const plan = await findPlanById(db, input.planId);
  if (!plan) throw new Error(`No work plan ${input.planId}`);
  const lookups = await loadLookups(db, plan);
  const bad: RowProblem[] = [];
  const good: NewRow[] = [];
  for (const row of input.rows) {
    const checked = checkRow(row, lookups, input.actorId);
    bad.push(...checked.bad);
    if (checked.insert) good.push(checked.insert);
  }
  const result = { checked: input.rows.length, good: good.length, imported: 0, alreadyImported: 0, bad };
  if (input.mode === 'check' || good.length === 0) return result;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(progressUpdates)
      .values(good)
      .onConflictDoNothing({ target: progressUpdates.idempotencyKey })
      .returning({ id: progressUpdates.id });
    if (inserted.length > 0) {
      await writeAudit(tx, {
        actorId: input.actorId,
        action: 'progress.import',
        entityType: 'progress_update',
        entityId: null,
        after: { planId: plan.id, count: inserted.length, ids: inserted.map((r) => r.id), rows: input.rows.map((r) => r.row) },
      });
    }
    return { ...result, imported: inserted.length, alreadyImported: good.length - inserted.length };
  });
}

/** Rows of the template: one example per value kind, using the plan's own indicators where it has them. */
export async function templateExamples(db: Db, planId: number) {
  const rows = await db
    .select({ code: indicators.code, valueKind: indicators.valueKind, frequency: indicators.frequency, disaggregations: indicators.disaggregations })
    .from(indicators)
    .where(and(eq(indicators.planId, planId), eq(indicators.source, 'manual'), isNull(indicators.retiredAt)))
    .orderBy(indicators.sortOrder, sql`${indicators.code}`);
  const kinds = ['count', 'currency', 'milestone', 'percent'] as const;
  return kinds.flatMap((kind) => rows.filter((r) => r.valueKind === kind).slice(0, 1));
}
