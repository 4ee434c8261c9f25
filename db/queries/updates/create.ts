import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Period } from '@/lib/periods';
import { figuresSchema, type Figures } from '@/lib/validation/updates';
import type { Db } from '../../client';
import { indicators, progressUpdates } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import {
  checkPlace,
  findIndicatorByCode,
  findLock,
  findPlanById,
  lockProblem,
  plausibilityWarnings,
  resolvePeriod,
  type Indicator,
  type Place,
} from './placement';
import { addError, auditView, hasErrors, problem, type FieldErrors, type Problem, type UpdateField, type UpdateRow } from './types';

/**
 * Logging a new progress update (issue 5, items 1–3). Everything is checked before anything is written, and the
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
  /** The reporter confirmed values the plausibility check questioned. */
  confirmed: boolean;
  actorId: string | null;
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
  indicator: Indicator;
  period: Period;
  figures: Figures;
}

/** All the checks of a new update that need the database; errors are added to `errors`. */
export async function checkNewUpdate(
  db: DbOrTx,
  input: Pick<NewUpdateInput, 'planId' | 'indicatorCode' | 'period' | 'place' | 'figures'>,
  errors: FieldErrors,
): Promise<CheckedUpdate | undefined> {
  const plan = await findPlanById(db, input.planId);
  const indicator = plan ? await findIndicatorByCode(db, plan.id, input.indicatorCode) : undefined;
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
  await checkPlace(db, indicator, input.place, errors);
  if (period) {
    const lock = await findLock(db, plan.id, indicator.id, period.end);
    if (lock) addError(errors, 'period', lockProblem(lock));
  }
  if (!period || !figures.success) return undefined;
  return { indicator, period, figures: figures.data };
}

export async function findByIdempotencyKey(db: DbOrTx, key: string): Promise<UpdateRow | undefined> {
  const [row] = await db.select().from(progressUpdates).where(eq(progressUpdates.idempotencyKey, key));
  return row;
}

export async function createUpdate(db: Db, input: NewUpdateInput): Promise<CreateResult> {
  return db.transaction(async (tx): Promise<CreateResult> => {
    // Requests with one key run one after the other (a transaction-scoped advisory lock), so a retry never
    // races its original into the checks; it then finds what the first stored, before a check could refuse it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${input.idempotencyKey}, 0))`);
    const existing = await findByIdempotencyKey(tx, input.idempotencyKey);
    if (existing) return replay(tx, existing);
    const errors: FieldErrors = {};
    const checked = await checkNewUpdate(tx, input, errors);
    if (!checked || hasErrors(errors)) return { ok: false, errors, warnings: [] };
    const { indicator, period, figures } = checked;
    if (!input.confirmed) {
      const warnings = await plausibilityWarnings(tx, indicator, input.place, period, figures);
      if (warnings.length > 0) return { ok: false, errors: {}, warnings };
    }
    const [inserted] = await tx
      .insert(progressUpdates)
      .values({
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
        reportedBy: input.actorId,
        idempotencyKey: input.idempotencyKey,
      })
      .onConflictDoNothing({ target: progressUpdates.idempotencyKey })
      .returning();
    if (!inserted) {
      // A concurrent request with the same key won the race: report its row.
      const winner = await findByIdempotencyKey(tx, input.idempotencyKey);
      return winner ? replay(tx, winner) : { ok: false, errors: { form: [problem('updates.errors.retry')] }, warnings: [] };
    }
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'progress.create',
      entityType: 'progress_update',
      entityId: inserted.id,
      after: auditView(inserted),
    });
    return { ok: true, update: inserted, indicator, created: true };
  });
}

async function replay(tx: DbOrTx, update: UpdateRow): Promise<CreateResult> {
  const [indicator] = await tx.select().from(indicators).where(eq(indicators.id, update.indicatorId));
  return { ok: true, update, indicator: indicator!, created: false };
}
