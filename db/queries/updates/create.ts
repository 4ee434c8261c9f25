import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Period } from '@/lib/periods';
import { needsNote, NOTE_REQUIRED } from '@/lib/quality/flags';
import { figuresSchema, type Figures } from '@/lib/validation/updates';
import type { Db } from '../../client';
import { indicators, progressUpdates } from '../../schema';
import { auditRowsFrom, type DbOrTx } from '../audit';
import { attachEvidence, evidenceCountProblem, type EvidenceUpload } from '../evidence';
import { loadWindowRules, windowProblem, windowState, type WindowRules } from '../cycle/windows';
import { prebuilt, type Runner } from '../prebuilt';
import {
  checkPlace,
  coveringLock,
  loadPlacement,
  lockProblem,
  resolvePeriod,
  type Indicator,
  type Place,
  type Placement,
} from './placement';
import { qualityWarnings } from './quality';
import { addError, auditViewSql, hasErrors, problem, type FieldErrors, type Problem, type UpdateField, type UpdateRow } from './types';

/**
 * Logging a new progress update. Everything is checked before anything is written, and the
 * insert is idempotent on the form's key: a double click, a resubmit or a retried request finds the update the
 * first one stored (insert … on conflict (idempotency_key) do nothing, then read back).
 */

export interface NewUpdateInput {
  planId: number;
  indicatorCode: string;
  /** A period key (2020-Q4) or a date inside the period. */
  period: string;
  place: Place;
  /** The raw figure fields (value | numerator + denominator | milestone), parsed by the indicator's kind. */
  figures: Record<string, unknown>;
  note: string;
  evidenceUrl: string;
  status: 'draft' | 'submitted';
  idempotencyKey: string;
  /** The reporter confirmed values the data-quality flags questioned (with a note saying why they hold). */
  confirmed: boolean;
  actorId: string | null;
  /** Files checked by data/evidence-uploads, stored with the update in its transaction. */
  evidence?: readonly EvidenceUpload[];
}

export type CreateResult =
  | { ok: true; update: UpdateRow; indicator: Indicator; created: boolean }
  | { ok: false; errors: FieldErrors; warnings: Problem[] };

/** Zod issues of the figure fields, onto the form's fields. */
export function figureErrors(error: z.ZodError, errors: FieldErrors): void {
  for (const issue of error.issues) {
    const field = (issue.path[0] ?? 'value') as UpdateField;
    addError(errors, field, problem(issue.message));
  }
}

export interface CheckedUpdate {
  plan: { startDate: string; endDate: string };
  indicator: Indicator;
  period: Period;
  figures: Figures;
  /** Entered after its period's due date. */
  late: boolean;
}

/** All the checks of a new update that need the database; errors are added to `errors`. */
export async function checkNewUpdate(
  db: DbOrTx & Runner,
  input: Pick<NewUpdateInput, 'planId' | 'indicatorCode' | 'period' | 'place' | 'figures'>,
  errors: FieldErrors,
): Promise<CheckedUpdate | undefined> {
  const [placement, rules] = await Promise.all([
    loadPlacement(db, input.planId, input.indicatorCode, input.place),
    loadWindowRules(db, input.planId),
  ]);
  return checkLoaded(db, input, placement, rules, errors);
}

/** The checks of checkNewUpdate, over what loadPlacement read. */
async function checkLoaded(
  db: DbOrTx,
  input: Pick<NewUpdateInput, 'indicatorCode' | 'period' | 'place' | 'figures'>,
  { plan, indicator, known, locks }: Placement,
  rules: WindowRules,
  errors: FieldErrors,
): Promise<CheckedUpdate | undefined> {
  if (!plan || !indicator) {
    addError(errors, 'indicator', problem('updates.validation.indicatorUnknown', { code: input.indicatorCode }));
    return undefined;
  }
  if (indicator.source === 'derived') {
    addError(errors, 'indicator', problem('updates.validation.indicatorDerived', { code: indicator.code }));
    return undefined;
  }
  const period = resolvePeriod(indicator, plan, input.period);
  if (!period) addError(errors, 'period', problem('updates.validation.periodOutsidePlan', { period: input.period }));
  const figures = figuresSchema(indicator.valueKind).safeParse(input.figures);
  if (!figures.success) figureErrors(figures.error, errors);
  await checkPlace(db, indicator, input.place, errors, known);
  let late = false;
  if (period) {
    const lock = coveringLock(locks, indicator.id, period.end);
    if (lock) addError(errors, 'period', lockProblem(lock));
    // The submission window: refused before it opens and after it closes (unless reopened); late after the due date.
    const window = windowState(rules, indicator, period);
    const refused = windowProblem(window);
    if (refused && !lock) addError(errors, 'period', refused);
    late = window.late;
  }
  if (!period || !figures.success) return undefined;
  return { plan, indicator, period, figures: figures.data, late };
}

export async function findByIdempotencyKey(db: DbOrTx, key: string): Promise<UpdateRow | undefined> {
  const [row] = await db.select().from(progressUpdates).where(eq(progressUpdates.idempotencyKey, key));
  return row;
}

/**
 * Requests with one key run one after the other: a transaction-scoped advisory lock on the key, taken before
 * anything else of the transaction is read.
 */
const lockKey = prebuilt('updates_lock_key', { locked: sql`pg_advisory_xact_lock(hashtextextended(${sql.placeholder('key')}, 0))` }, (db, fields) =>
  db.select(fields).from(sql`(values (1)) as one (x)`),
);

/** Whether an update is stored under the key (findByIdempotencyKey, reading only the id). */
const storedUnderKey = prebuilt('updates_stored_under_key', { id: progressUpdates.id }, (db, fields) =>
  db.select(fields).from(progressUpdates).where(eq(progressUpdates.idempotencyKey, sql.placeholder('key'))),
);

const updateColumns = getTableColumns(progressUpdates);
/**
 * A placeholder for each value, as SQL: filled as given (by encode below), not through the column's encoder, which
 * drizzle applies to placeholders of insert values even when the value is null (numeric: 'null').
 */
const placeholders = <T extends object>(columns: T) =>
  Object.fromEntries(Object.keys(columns).map((k) => [k, sql`${sql.placeholder(k)}`])) as { [K in keyof T]: SQL };

/** The values of a new update, each a placeholder of insertUpdate. */
type NewUpdateValues = Pick<
  typeof progressUpdates.$inferInsert,
  | 'indicatorId'
  | 'periodStart'
  | 'periodEnd'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'cityId'
  | 'clusterId'
  | 'partnerId'
  | 'note'
  | 'evidenceUrl'
  | 'status'
  | 'late'
  | 'reportedBy'
  | 'idempotencyKey'
>;
const newUpdateColumns = {
  indicatorId: 1, periodStart: 1, periodEnd: 1, value: 1, numerator: 1, denominator: 1, cityId: 1, clusterId: 1, partnerId: 1,
  note: 1, evidenceUrl: 1, status: 1, late: 1, reportedBy: 1, idempotencyKey: 1,
} satisfies Record<keyof NewUpdateValues, 1>;

/**
 * The update and its audit row in one statement (a data-modifying CTE): insert … on conflict (idempotency_key) do
 * nothing returning *, and the audit row of what it returned (none on a conflict), in the same transaction.
 */
const insertUpdate = prebuilt('updates_create_insert', updateColumns, (db) => {
  const ins = db.$with('ins').as(
    db
      .insert(progressUpdates)
      .values(placeholders(newUpdateColumns))
      .onConflictDoNothing({ target: progressUpdates.idempotencyKey })
      .returning(),
  );
  const audit = db.$with('audit', {}).as(
    auditRowsFrom(sql`${ins}`, {
      actorId: sql.placeholder('actorId'),
      action: 'progress.create',
      entityType: 'progress_update',
      entityId: sql`${ins.id}`,
      after: auditViewSql(ins),
    }),
  );
  // The CTE's columns, in the table's order (the order the row is decoded in).
  const row = Object.fromEntries(Object.keys(updateColumns).map((k) => [k, ins[k as keyof typeof updateColumns]]));
  return db.with(ins, audit).select(row).from(ins);
});

/** A stored update and its indicator, for a replay. */
async function replay(tx: DbOrTx, key: string): Promise<CreateResult | undefined> {
  const [row] = await tx
    .select({ update: progressUpdates, indicator: indicators })
    .from(progressUpdates)
    .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
    .where(eq(progressUpdates.idempotencyKey, key));
  return row && { ok: true, update: row.update, indicator: row.indicator, created: false };
}

/**
 * Round trips: begin; the key's lock, the lookup of the key and what the checks read, sent together
 * (pipelined on the transaction's connection; the server runs them in order and, in READ COMMITTED, each statement
 * sees what committed before it started, so the lookup after the lock finds what an earlier request with the key
 * stored); the data-quality flags (one more query); the update with its audit row in one statement; commit.
 */
export async function createUpdate(db: Db, input: NewUpdateInput): Promise<CreateResult> {
  return db.transaction(async (tx): Promise<CreateResult> => {
    // Requests with one key run one after the other (a transaction-scoped advisory lock), so a retry never
    // races its original into the checks; it then finds what the first stored, before a check could refuse it.
    // Started in this order, synchronously and the same way, they are sent and run in this order.
    const key = { key: input.idempotencyKey };
    const [, [stored], placement, rules] = await Promise.all([
      lockKey.run(tx, key),
      storedUnderKey.run(tx, key),
      loadPlacement(tx, input.planId, input.indicatorCode, input.place),
      loadWindowRules(tx, input.planId),
    ]);
    if (stored) return (await replay(tx, input.idempotencyKey))!;
    const errors: FieldErrors = {};
    const checked = await checkLoaded(tx, input, placement, rules, errors);
    Object.assign(errors, await evidenceCountProblem(tx, null, input.evidence?.length ?? 0));
    if (!checked || hasErrors(errors)) return { ok: false, errors, warnings: [] };
    const { plan, indicator, period, figures, late } = checked;
    // A flagged value is stored once the reporter confirms it with a note; it is never refused for being unusual.
    const warnings = await qualityWarnings(tx, { plan, indicator, place: input.place, period, figures });
    if (warnings.length > 0) {
      if (!input.confirmed) return { ok: false, errors: {}, warnings };
      if (needsNote(warnings, input.note)) return { ok: false, errors: { note: [problem(NOTE_REQUIRED)] }, warnings };
    }
    const values: NewUpdateValues = {
      indicatorId: indicator.id,
      periodStart: period.start,
      periodEnd: period.end,
      ...figures,
      cityId: input.place.cityId ?? null,
      clusterId: input.place.clusterId ?? null,
      partnerId: input.place.partnerId ?? null,
      note: input.note || null,
      evidenceUrl: input.evidenceUrl || null,
      status: input.status,
      late,
      reportedBy: input.actorId,
      idempotencyKey: input.idempotencyKey,
    };
    const [inserted] = await insertUpdate.run(tx, { ...encode(values), actorId: input.actorId });
    if (!inserted) {
      // A concurrent request with the same key won the race: report its row.
      return (await replay(tx, input.idempotencyKey)) ?? { ok: false, errors: { form: [problem('updates.errors.retry')] }, warnings: [] };
    }
    await attachEvidence(tx, inserted.id as number, input.evidence ?? [], input.actorId);
    return { ok: true, update: inserted as UpdateRow, indicator, created: true };
  });
}

/** Values as drizzle binds them to their columns (placeholders are filled as given). */
function encode(values: NewUpdateValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = v === null || v === undefined ? null : updateColumns[k as keyof NewUpdateValues].mapToDriverValue(v as never);
  }
  return out;
}
