import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Expenditure } from '@/types/budget';
import type { ExpenditureCorrectionInput, ExpenditureInput } from '@/lib/validation/budget';
import type { Db } from '../../client';
import { auditLog, budgetLines, expenditures, workPlans } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import { queryRows } from '../raw';
import type { WriteResult } from '../registries/shared';
import { currentExpenditure } from './common';

/**
 * Expenditures: recorded, corrected (a new version replaces the old one, which stays as history), voided (kept,
 * with the reason) or imported in bulk. The amount in base currency is computed by Postgres (see the schema).
 */

const field = (f: string, k: string): WriteResult<never> => ({ ok: false, error: 'field', field: f, messageKey: `budget.validation.${k}` });

/** The checks that need the database: the line is the plan's, the date is in the plan, the plan is open. */
export async function checkExpenditurePlace(tx: DbOrTx, planId: number, input: { lineId: number; spentOn: string }): Promise<WriteResult<never> | null> {
  const [row] = await tx
    .select({ planId: budgetLines.planId, status: workPlans.status, start: workPlans.startDate, end: workPlans.endDate })
    .from(budgetLines)
    .innerJoin(workPlans, eq(workPlans.id, budgetLines.planId))
    .where(eq(budgetLines.id, input.lineId));
  if (!row || row.planId !== planId) return field('lineId', 'lineRequired');
  if (row.status === 'closed') return field('lineId', 'planClosed');
  if (input.spentOn < row.start || input.spentOn > row.end) return field('spentOn', 'dateOutsidePlan');
  return null;
}

const values = (planId: number, input: ExpenditureInput, actorId: string) => ({
  planId,
  lineId: input.lineId,
  spentOn: input.spentOn,
  amount: input.amount,
  currency: input.currency,
  rate: input.rate === '' ? '1' : input.rate,
  description: input.description,
  reference: input.reference,
  evidenceUrl: input.evidenceUrl === '' ? null : input.evidenceUrl,
  recordedBy: actorId,
});

export async function recordExpenditure(db: Db, planId: number, input: ExpenditureInput, actorId: string): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const refusal = await checkExpenditurePlace(tx, planId, input);
    if (refusal) return refusal;
    const [row] = await tx.insert(expenditures).values(values(planId, input, actorId)).returning();
    await writeAudit(tx, { actorId, action: 'expenditure.create', entityType: 'expenditure', entityId: row!.id, after: row });
    return { ok: true, record: { id: row!.id } };
  });
}

async function currentRow(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select()
    .from(expenditures)
    .where(and(eq(expenditures.id, id), isNull(expenditures.supersededAt), isNull(expenditures.voidedAt)))
    .for('update');
  return row;
}

/** A correction: the new version replaces the current one, which is kept (superseded) as history. */
export async function correctExpenditure(db: Db, planId: number, input: ExpenditureCorrectionInput, actorId: string): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const before = await currentRow(tx, input.expenditureId);
    if (!before || before.planId !== planId) return { ok: false, error: 'not_found' };
    const refusal = await checkExpenditurePlace(tx, planId, input);
    if (refusal) return refusal;
    await tx.update(expenditures).set({ supersededAt: sql`now()` }).where(eq(expenditures.id, before.id));
    const [after] = await tx
      .insert(expenditures)
      .values({ ...values(planId, input, actorId), replacesId: before.id, correctionReason: input.reason })
      .returning();
    await writeAudit(tx, { actorId, action: 'expenditure.correct', entityType: 'expenditure', entityId: after!.id, before, after });
    return { ok: true, record: { id: after!.id }, changed: true };
  });
}

export async function voidExpenditure(db: Db, planId: number, id: number, reason: string, actorId: string): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const before = await currentRow(tx, id);
    if (!before || before.planId !== planId) return { ok: false, error: 'not_found' };
    const [after] = await tx.update(expenditures).set({ voidedAt: sql`now()`, voidReason: reason }).where(eq(expenditures.id, id)).returning();
    await writeAudit(tx, { actorId, action: 'expenditure.void', entityType: 'expenditure', entityId: id, before, after });
    return { ok: true, record: { id }, changed: true };
  });
}

/** Inserts checked rows with one audit row each, in the caller's transaction (the import's all-or-nothing). */
export async function insertExpenditures(tx: DbOrTx, planId: number, rows: ExpenditureInput[], actorId: string, source: string): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(expenditures).values(rows.map((r) => values(planId, r, actorId))).returning();
  await tx.insert(auditLog).values(
    inserted.map((row) => ({ actorId, action: 'expenditure.import', entityType: 'expenditure', entityId: String(row.id), before: null, after: { ...row, source } })),
  );
  return inserted.length;
}

export type ExpenditureRow = Expenditure;

const listColumns = sql`e.id, e.spent_on::text as "spentOn", e.line_id as "lineId", l.code as "lineCode", e.amount::text as amount,
  e.currency, e.rate::text as rate, e.base_amount::text as "baseAmount", e.description, e.reference, e.evidence_url as "evidenceUrl",
  u.name as "recordedBy", e.correction_reason as "correctionReason", e.replaces_id as "replacesId",
  e.superseded_at::text as "supersededAt", e.voided_at::text as "voidedAt", e.void_reason as "voidReason"`;

/** The plan's counted expenditures, newest first (optionally up to a date and one line). */
export async function listExpenditures(db: Db, planId: number, options: { upTo?: string; lineId?: number; limit?: number } = {}): Promise<ExpenditureRow[]> {
  return queryRows<ExpenditureRow>(
    db,
    sql`select ${listColumns} from expenditures e join budget_lines l on l.id = e.line_id left join users u on u.id = e.recorded_by
        where e.plan_id = ${planId} and ${currentExpenditure(sql`e`)}
          ${options.upTo ? sql`and e.spent_on <= ${options.upTo}::date` : sql``}
          ${options.lineId ? sql`and e.line_id = ${options.lineId}` : sql``}
        order by e.spent_on desc, e.id desc ${options.limit ? sql`limit ${options.limit}` : sql``}`,
  );
}

/** An expenditure and every version before it (corrections keep history), newest first; voided ones too. */
export async function expenditureHistory(db: Db, planId: number, id: number): Promise<ExpenditureRow[]> {
  return queryRows<ExpenditureRow>(
    db,
    sql`with recursive chain as (
          select id, replaces_id from expenditures where id = ${id} and plan_id = ${planId}
          union all select p.id, p.replaces_id from expenditures p join chain c on p.id = c.replaces_id
        )
        select ${listColumns} from chain join expenditures e on e.id = chain.id join budget_lines l on l.id = e.line_id
        left join users u on u.id = e.recorded_by order by e.id desc`,
  );
}
