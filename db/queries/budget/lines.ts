import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { canonicalMoney, type BudgetLineInput, type BudgetRevisionInput } from '@/lib/validation/budget';
import type { Db } from '../../client';
import { budgetLines, budgetRevisions, goals, planBudgetSettings, workPlans } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import { fieldError, type WriteResult } from '../registries/shared';
import { planBaseCurrency } from './utilisation';

/**
 * Budget lines and their revisions. A draft plan's lines are edited freely. Once the plan is endorsed, the amount
 * changes only by a revision with an effective date and a reason (a line added then is a revision from zero), and
 * a line's revisions stay in date order so that the budget in force on any date can be read back. A closed plan's
 * budget is frozen. Each change and its audit row share a transaction.
 */

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Plan = typeof workPlans.$inferSelect;
type Line = typeof budgetLines.$inferSelect;

const budgetField = (field: string, k: string) => ({ ...fieldError(field, k), messageKey: `budget.validation.${k}` });

async function planOf(tx: DbOrTx, planId: number): Promise<Plan | undefined> {
  const [plan] = await tx.select().from(workPlans).where(eq(workPlans.id, planId));
  return plan;
}

async function checkRevisionDate(tx: DbOrTx, plan: Plan, lineId: number | null, effectiveOn: string): Promise<WriteResult<never> | null> {
  if (effectiveOn < plan.startDate || effectiveOn > plan.endDate) return budgetField('effectiveOn', 'effectiveOutsidePlan');
  if (lineId === null) return null;
  const [last] = await tx
    .select({ effectiveOn: budgetRevisions.effectiveOn })
    .from(budgetRevisions)
    .where(eq(budgetRevisions.lineId, lineId))
    .orderBy(desc(budgetRevisions.effectiveOn))
    .limit(1);
  return last && effectiveOn < last.effectiveOn ? budgetField('effectiveOn', 'effectiveBeforeLast') : null;
}

async function checkLineFields(tx: DbOrTx, plan: Plan, input: BudgetLineInput): Promise<WriteResult<never> | null> {
  if (plan.status === 'closed') return budgetField('amount', 'planClosed');
  if (input.currency !== (await planBaseCurrency(tx as Db, plan.id))) return budgetField('currency', 'lineCurrency');
  if (input.goalId !== null) {
    const [goal] = await tx.select({ id: goals.id }).from(goals).where(and(eq(goals.id, input.goalId), eq(goals.planId, plan.id)));
    if (!goal) return budgetField('goalId', 'goalNotInPlan');
  }
  return null;
}

async function codeTaken(tx: DbOrTx, planId: number, code: string, exceptId?: number) {
  const rows = await tx.select({ id: budgetLines.id }).from(budgetLines).where(and(eq(budgetLines.planId, planId), eq(budgetLines.code, code)));
  return rows.some((r) => r.id !== exceptId);
}

/** An endorsed plan's amount change needs a date and a reason; returns the refusal or the revision's date. */
function revisionTerms(input: { effectiveOn: string; reason: string | null }): WriteResult<never> | { effectiveOn: string; reason: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.effectiveOn)) return budgetField('effectiveOn', 'revisionDateRequired');
  if (!input.reason) return budgetField('reason', 'revisionReasonRequired');
  return { effectiveOn: input.effectiveOn, reason: input.reason };
}

export async function createBudgetLine(db: Db, input: BudgetLineInput, actorId: string): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const plan = await planOf(tx, input.planId);
    if (!plan) return { ok: false, error: 'not_found' };
    const refusal = await checkLineFields(tx, plan, input);
    if (refusal) return refusal;
    if (await codeTaken(tx, plan.id, input.code)) return budgetField('code', 'codeTaken');
    let terms: { effectiveOn: string; reason: string } | null = null;
    if (plan.status === 'endorsed') {
      const t = revisionTerms(input);
      if ('ok' in t) return t;
      const dateRefusal = await checkRevisionDate(tx, plan, null, t.effectiveOn);
      if (dateRefusal) return dateRefusal;
      terms = t;
    }
    const [line] = await tx
      .insert(budgetLines)
      .values({ planId: plan.id, code: input.code, title: input.title, titleZh: input.titleZh, goalId: input.goalId, fundingSource: input.fundingSource, amount: input.amount, currency: input.currency })
      .returning();
    if (terms) {
      await tx.insert(budgetRevisions).values({ lineId: line!.id, oldAmount: '0', newAmount: input.amount, effectiveOn: terms.effectiveOn, reason: terms.reason, revisedBy: actorId });
    }
    await writeAudit(tx, { actorId, action: 'budget_line.create', entityType: 'budget_line', entityId: line!.id, after: { ...line, revision: terms } });
    return { ok: true, record: { id: line!.id } };
  });
}

/** Records a revision of an endorsed plan's line (old → new, in date order) and sets the current amount. */
async function reviseAmount(tx: Tx, plan: Plan, line: Line, newAmount: string, terms: { effectiveOn: string; reason: string }, actorId: string) {
  const dateRefusal = await checkRevisionDate(tx, plan, line.id, terms.effectiveOn);
  if (dateRefusal) return dateRefusal;
  await tx.insert(budgetRevisions).values({ lineId: line.id, oldAmount: line.amount, newAmount, effectiveOn: terms.effectiveOn, reason: terms.reason, revisedBy: actorId });
  await tx.update(budgetLines).set({ amount: newAmount }).where(eq(budgetLines.id, line.id));
  return null;
}

export async function updateBudgetLine(db: Db, lineId: number, input: BudgetLineInput, actorId: string): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [line] = await tx.select().from(budgetLines).where(eq(budgetLines.id, lineId)).for('update');
    if (!line || line.planId !== input.planId) return { ok: false, error: 'not_found' };
    const plan = (await planOf(tx, line.planId))!;
    const refusal = await checkLineFields(tx, plan, input);
    if (refusal) return refusal;
    if (await codeTaken(tx, plan.id, input.code, line.id)) return budgetField('code', 'codeTaken');
    const amountChanged = canonicalMoney(input.amount) !== canonicalMoney(line.amount);
    if (amountChanged && plan.status === 'endorsed') {
      const t = revisionTerms(input);
      if ('ok' in t) return t;
      const revised = await reviseAmount(tx, plan, line, input.amount, t, actorId);
      if (revised) return revised;
    }
    const [after] = await tx
      .update(budgetLines)
      .set({ code: input.code, title: input.title, titleZh: input.titleZh, goalId: input.goalId, fundingSource: input.fundingSource, ...(plan.status === 'draft' ? { amount: input.amount } : {}) })
      .where(eq(budgetLines.id, line.id))
      .returning();
    await writeAudit(tx, { actorId, action: 'budget_line.update', entityType: 'budget_line', entityId: line.id, before: line, after });
    return { ok: true, record: { id: line.id }, changed: true };
  });
}

/** A revision on its own (the revision form of an endorsed plan's line). */
export async function reviseBudgetLine(db: Db, input: BudgetRevisionInput, actorId: string): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const [line] = await tx.select().from(budgetLines).where(eq(budgetLines.id, input.lineId)).for('update');
    if (!line) return { ok: false, error: 'not_found' };
    const plan = (await planOf(tx, line.planId))!;
    if (plan.status !== 'endorsed') return budgetField('newAmount', plan.status === 'closed' ? 'planClosed' : 'revisionOnlyEndorsed');
    if (canonicalMoney(input.newAmount) === canonicalMoney(line.amount)) return budgetField('newAmount', 'revisionUnchanged');
    const revised = await reviseAmount(tx, plan, line, input.newAmount, input, actorId);
    if (revised) return revised;
    await writeAudit(tx, {
      actorId,
      action: 'budget_line.revise',
      entityType: 'budget_line',
      entityId: line.id,
      before: { amount: line.amount },
      after: { amount: input.newAmount, effectiveOn: input.effectiveOn, reason: input.reason },
    });
    return { ok: true, record: { id: line.id }, changed: true };
  });
}

/** The plan's budget currency; changed only while no line and no expenditure exists in another currency. */
export async function setBaseCurrency(db: Db, planId: number, baseCurrency: string, actorId: string): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const plan = await planOf(tx, planId);
    if (!plan) return { ok: false, error: 'not_found' };
    const [used] = await tx.select({ n: sql<number>`count(*)::int` }).from(budgetLines).where(eq(budgetLines.planId, planId));
    const before = await planBaseCurrency(tx as Db, planId);
    if (before !== baseCurrency && (used?.n ?? 0) > 0) return budgetField('baseCurrency', 'currencyInUse');
    await tx.insert(planBudgetSettings).values({ planId, baseCurrency }).onConflictDoUpdate({ target: planBudgetSettings.planId, set: { baseCurrency } });
    await writeAudit(tx, { actorId, action: 'budget.currency', entityType: 'work_plan', entityId: planId, before: { baseCurrency: before }, after: { baseCurrency } });
    return { ok: true, record: { id: planId }, changed: before !== baseCurrency };
  });
}

export interface BudgetLineRow {
  id: number;
  code: string;
  title: string;
  titleZh: string | null;
  goalId: number | null;
  goalCode: string | null;
  fundingSource: string;
  amount: string;
  currency: string;
}

export async function planBudgetLines(db: Db, planId: number): Promise<BudgetLineRow[]> {
  return db
    .select({
      id: budgetLines.id,
      code: budgetLines.code,
      title: budgetLines.title,
      titleZh: budgetLines.titleZh,
      goalId: budgetLines.goalId,
      goalCode: goals.code,
      fundingSource: budgetLines.fundingSource,
      amount: budgetLines.amount,
      currency: budgetLines.currency,
    })
    .from(budgetLines)
    .leftJoin(goals, eq(goals.id, budgetLines.goalId))
    .where(eq(budgetLines.planId, planId))
    .orderBy(asc(budgetLines.code));
}
