import { and, eq, isNull, sql } from 'drizzle-orm';
import { needsNote, NOTE_REQUIRED } from '@/lib/quality/flags';
import { importChunkSchema, type ImportRow } from '@/lib/validation/updates-import';
import type { Db } from '../../client';
import { indicators } from '../../schema';
import type { DbOrTx } from '../audit';
import { findPlan } from '../plans';
import { loadWindowRules, windowProblem, windowState } from '../cycle/windows';
import { checkRows, loadLocks, loadLookups, lockedProblem, lockFor, type GoodRow, type RowProblem } from './import-rows';
import { existingKeys, importWarnings, rowsOf } from './import-warnings';
import { findPlanById, type Plan } from './placement';
import { problem } from './types';

export type { RowProblem } from './import-rows';

/**
 * The import of progress updates. Each chunk of rows (one request) is validated like the form
 * (import-rows.ts: same zod figure rules, same placement rules) against set-based lookups, in slices that yield to
 * other requests; a row whose value the data-quality flags question (import-warnings.ts) needs a note in its note
 * column, as the form asks for one: without it the row is refused like any bad row, with it the row goes in and its
 * flags are listed. `mode: 'check'` only reports; `mode: 'import'` stores the good rows with ONE multi-row INSERT whose data-modifying CTE writes each update's audit row in the same statement, in one
 * transaction that re-checks the locks. Rows carry keys derived from the file, so a chunk sent twice (a retry) or
 * the same file imported again stores each row once.
 */

export interface ImportChunkResult {
  checked: number;
  /** Rows without errors (flagged rows with their note and already imported ones included). */
  good: number;
  imported: number;
  /** Rows already stored by an earlier import of the same file. */
  alreadyImported: number;
  bad: RowProblem[];
  /** The flags of good rows not yet stored, each row with the note that answers them. */
  warnings: RowProblem[];
}

export interface ImportChunkInput {
  planId: number;
  rows: ImportRow[];
  mode: 'check' | 'import';
  actorId: string | null;
}

/** The insert and its audit rows in one statement: every update gets an audit row naming its file row. */
async function insertRows(tx: DbOrTx, rows: GoodRow[], actorId: string | null, lateRows: Set<number>): Promise<number> {
  if (rows.length === 0) return 0;
  const data = rows.map((r) => ({
    late: lateRows.has(r.row),
    ord: r.row,
    key: r.key,
    indicator_id: r.indicator.id,
    period_start: r.period.start,
    period_end: r.period.end,
    value: r.figures.value,
    numerator: r.figures.numerator,
    denominator: r.figures.denominator,
    city_id: r.place.city,
    cluster_id: r.place.cluster,
    partner_id: r.place.partner,
    note: r.note,
    evidence_url: r.evidenceUrl,
    status: r.status,
  }));
  const [result] = await rowsOf<{ n: number }>(
    tx,
    sql`with src as (
          select * from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as s(
            ord int, key uuid, indicator_id int, period_start date, period_end date, value numeric, numerator numeric,
            denominator numeric, city_id int, cluster_id int, partner_id int, note text, evidence_url text, status text, late boolean)
        ), ins as (
          insert into progress_updates (indicator_id, period_start, period_end, value, numerator, denominator, city_id,
            cluster_id, partner_id, note, evidence_url, status, late, reported_by, idempotency_key)
          select indicator_id, period_start, period_end, value, numerator, denominator, city_id, cluster_id, partner_id,
            note, evidence_url, status::update_status, late, ${actorId}::uuid, key
          from src order by ord
          on conflict (idempotency_key) do nothing
          returning *
        ), audit as (
          insert into audit_log (actor_id, action, entity_type, entity_id, after)
          select ${actorId}::uuid, 'progress.import', 'progress_update', ins.id::text, jsonb_build_object(
            'indicatorId', ins.indicator_id, 'periodStart', ins.period_start, 'periodEnd', ins.period_end,
            'value', ins.value, 'numerator', ins.numerator, 'denominator', ins.denominator, 'cityId', ins.city_id,
            'clusterId', ins.cluster_id, 'partnerId', ins.partner_id, 'note', ins.note, 'evidenceUrl', ins.evidence_url,
            'status', ins.status, 'version', ins.version, 'row', src.ord)
          from ins join src on src.key = ins.idempotency_key
          order by ins.id
        )
        select count(*)::int as n from ins`,
  );
  return Number(result?.n ?? 0);
}

/**
 * The rows the period refuses — a lock, or a submission window not open yet or closed — moved to `bad`, in check
 * mode as in import mode (so a check reports every row the import would refuse); the open rows are returned with
 * those entered after the due date, which are stored late.
 */
async function refuseByPeriod(db: DbOrTx, planId: number, rows: GoodRow[], result: ImportChunkResult): Promise<{ open: GoodRow[]; lateRows: Set<number> }> {
  const [locks, rules] = await Promise.all([loadLocks(db, planId), loadWindowRules(db, planId)]);
  const open: GoodRow[] = [];
  const lateRows = new Set<number>();
  for (const r of rows) {
    const lock = lockFor(locks, r.indicator.id, r.period);
    const window = windowState(rules, r.indicator, r.period);
    const refused = windowProblem(window);
    if (lock) result.bad.push({ row: r.row, column: 'period', problem: lockedProblem(lock) });
    else if (refused) result.bad.push({ row: r.row, column: 'period', problem: refused });
    else {
      open.push(r);
      if (window.late) lateRows.add(r.row);
    }
  }
  result.good -= rows.length - open.length;
  return { open, lateRows };
}

/**
 * The flags of the open rows (the form's rule, lib/quality/flags.ts): a flagged row without a note is moved to
 * `bad` with its flags and the note asked for; the flags of the others are handed back as warnings.
 */
async function flagRows(db: DbOrTx, plan: Plan, rows: GoodRow[], result: ImportChunkResult): Promise<GoodRow[]> {
  const flags = await importWarnings(db, plan, rows);
  const byRow = new Map<number, RowProblem[]>();
  for (const f of flags) byRow.set(f.row, [...(byRow.get(f.row) ?? []), f]);
  const kept: GoodRow[] = [];
  for (const r of rows) {
    const own = byRow.get(r.row) ?? [];
    if (needsNote(own, r.note)) result.bad.push(...own, { row: r.row, column: 'note', problem: problem(NOTE_REQUIRED) });
    else {
      result.warnings.push(...own);
      kept.push(r);
    }
  }
  result.good -= rows.length - kept.length;
  return kept;
}

export async function importChunk(db: Db, input: ImportChunkInput): Promise<ImportChunkResult> {
  const plan = await findPlanById(db, input.planId);
  if (!plan) throw new Error(`No work plan ${input.planId}`);
  const lookups = await loadLookups(db, plan, input.rows);
  const { bad, good } = await checkRows(input.rows, lookups);
  const stored = await existingKeys(db, good.map((r) => r.key));
  const fresh = good.filter((r) => !stored.has(r.key));
  const result: ImportChunkResult = { checked: input.rows.length, good: good.length, imported: 0, alreadyImported: stored.size, bad, warnings: [] };
  if (input.mode === 'check') {
    // What the import would refuse for its period is reported now, not only when importing.
    const { open } = await refuseByPeriod(db, plan.id, fresh, result);
    await flagRows(db, plan, open, result);
    return result;
  }
  const wanted = await flagRows(db, plan, fresh, result);
  if (wanted.length === 0) return result;
  return db.transaction(async (tx) => {
    // A lock placed or a window closed since the rows were checked still wins: those rows are refused, the others go in.
    const { open, lateRows } = await refuseByPeriod(tx, plan.id, wanted, result);
    const imported = await insertRows(tx, open, input.actorId, lateRows);
    // Rows another request stored meanwhile (the same chunk retried concurrently) count as already imported.
    return { ...result, imported, alreadyImported: result.alreadyImported + open.length - imported };
  });
}

/** A chunk as the browser sends it: its rows, check or import, and the plan's year. */
export const importRequestSchema = importChunkSchema;

/**
 * One chunk request, validated with zod and imported for the given user: the server action and the benchmark
 * (bench/import-updates.ts) both come through here. A malformed chunk or an unknown plan changes nothing.
 */
export async function importChunkRequest(db: Db, input: unknown, actorId: string | null): Promise<ImportChunkResult | 'bad_chunk' | 'no_plan'> {
  const parsed = importRequestSchema.safeParse(input);
  if (!parsed.success) return 'bad_chunk';
  const plan = await findPlan(db, parsed.data.plan);
  if (!plan) return 'no_plan';
  const { rows, mode } = parsed.data;
  return importChunk(db, { planId: plan.id, rows, mode, actorId });
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
