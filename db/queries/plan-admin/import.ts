import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { periodsBetween } from '@/lib/periods';
import { goalSchema } from '@/lib/validation/plans';
import { indicatorSchema, targetProblems } from '@/lib/validation/plans-indicators';
import type { Db } from '../../client';
import { goals, indicators, indicatorTargets, users } from '../../schema';
import { writeAudit } from '../audit';
import { fail, lockPlan, type Failure, type WorkPlanRow } from './common';
import { indicatorAudit } from './indicators';
import { GOALS_SHEET, INDICATORS_SHEET, parseMilestones, type PlanWorkbook } from './workbook';

/**
 * Imports goals and indicators from the plan spreadsheet into a draft plan. Every row is checked first, with
 * the forms' own rules (zod schemas, targetProblems) and the database's (codes unique within the plan, goals
 * and owners that exist). With any bad row nothing is imported, unless the caller asks for the good rows
 * only; an indicator whose goal row is bad is then skipped too. One transaction, one audit row per item.
 */

export interface PlanImportProblem {
  sheet: typeof GOALS_SHEET | typeof INDICATORS_SHEET;
  row: number;
  column: string;
  /** A message key (plans.validation.*, plans.errors.*, plans.targetProblems.*, plans.import.problems.*). */
  message: string;
  params?: Record<string, string | number>;
}

export type PlanImportResult =
  | { ok: true; goals: number; indicators: number; skipped: number; problems: PlanImportProblem[] }
  | (Failure & { problems?: PlanImportProblem[] });

const goalFields: Record<string, string> = { code: 'code', title: 'title', titleZh: 'title_zh', description: 'description', descriptionZh: 'description_zh' };
const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function zodProblems(sheet: PlanImportProblem['sheet'], row: number, error: z.ZodError, column: (field: string) => string): PlanImportProblem[] {
  return error.issues.map((i) => ({ sheet, row, column: column(String(i.path[0] ?? '')), message: i.message }));
}

export async function importPlanWorkbook(
  db: Db,
  input: { planId: number; workbook: PlanWorkbook; validOnly: boolean; actorId: string | null },
): Promise<PlanImportResult> {
  return db.transaction(async (tx): Promise<PlanImportResult> => {
    const plan = await lockPlan(tx, input.planId);
    if (!plan) return fail('not_found');
    if (plan.status !== 'draft') return fail('plan_not_draft');
    const problems: PlanImportProblem[] = [];
    const existingGoals = await tx.select({ id: goals.id, code: goals.code, retiredAt: goals.retiredAt }).from(goals).where(eq(goals.planId, plan.id));
    const existingCodes = new Set((await tx.select({ code: indicators.code }).from(indicators).where(eq(indicators.planId, plan.id))).map((r) => r.code));
    const owners = new Map(
      (await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.status, 'active'))).map((u) => [u.email.toLowerCase(), u.id]),
    );

    // Goals.
    const goodGoals: { row: number; data: z.infer<typeof goalSchema> }[] = [];
    const seenGoals = new Set<string>();
    for (const { row, cells } of input.workbook.goals) {
      const parsed = goalSchema.safeParse({ planId: plan.id, goalId: null, code: cells.code, title: cells.title, titleZh: cells.title_zh, description: cells.description, descriptionZh: cells.description_zh });
      if (!parsed.success) {
        problems.push(...zodProblems(GOALS_SHEET, row, parsed.error, (f) => goalFields[f] ?? f));
        continue;
      }
      const code = parsed.data.code;
      const clash = seenGoals.has(code) ? 'plans.import.problems.duplicateInFile' : existingGoals.some((g) => g.code === code) ? 'plans.errors.code_taken' : null;
      seenGoals.add(code);
      if (clash) problems.push({ sheet: GOALS_SHEET, row, column: 'code', message: clash, params: { code } });
      else goodGoals.push({ row, data: parsed.data });
    }
    const activeGoalCodes = new Set([...existingGoals.filter((g) => !g.retiredAt).map((g) => g.code), ...goodGoals.map((g) => g.data.code)]);

    // Indicators.
    const goodIndicators: { row: number; goalCode: string; data: z.infer<typeof indicatorSchema>; milestones: Record<string, number> }[] = [];
    const seenIndicators = new Set<string>();
    for (const { row, cells } of input.workbook.indicators) {
      const rowProblems: PlanImportProblem[] = [];
      const problem = (column: string, message: string, params?: PlanImportProblem['params']) =>
        rowProblems.push({ sheet: INDICATORS_SHEET, row, column, message, ...(params ? { params } : {}) });
      const email = (cells.owner_email ?? '').trim().toLowerCase();
      const ownerId = email ? owners.get(email) : null;
      if (ownerId === undefined) problem('owner_email', 'plans.import.problems.ownerUnknown', { email });
      const goalCode = (cells.goal ?? '').trim();
      if (!activeGoalCodes.has(goalCode)) problem('goal', 'plans.import.problems.goalUnknown', { code: goalCode });
      const milestones = parseMilestones(cells.milestones ?? '');
      if (milestones === null) problem('milestones', 'plans.import.problems.milestonesFormat');
      const parsed = indicatorSchema.safeParse({
        planId: plan.id, indicatorId: null, goalId: 1, code: cells.code, name: cells.name, nameZh: cells.name_zh,
        description: cells.description, descriptionZh: cells.description_zh, unit: cells.unit, valueKind: cells.value_kind,
        accumulation: cells.accumulation, direction: cells.direction || 'increase', baselineValue: cells.baseline_value,
        baselineDate: cells.baseline_date, targetValue: cells.target_value, targetDate: cells.target_date,
        frequency: cells.frequency || 'quarterly', ownerId: ownerId ?? null, source: cells.source || 'manual',
        derivedKey: cells.derived_key, definition: cells.definition, meansOfVerification: cells.means_of_verification,
        collectionMethod: cells.collection_method, targetRationale: cells.target_rationale,
        disaggregations: (cells.disaggregations ?? '').split(/[,;]/).map((d) => d.trim().toLowerCase()).filter(Boolean),
      });
      if (!parsed.success) rowProblems.push(...zodProblems(INDICATORS_SHEET, row, parsed.error, snake));
      else {
        const { code, targetDate } = parsed.data;
        if (seenIndicators.has(code)) problem('code', 'plans.import.problems.duplicateInFile', { code });
        else if (existingCodes.has(code)) problem('code', 'plans.errors.code_taken', { code });
        seenIndicators.add(code);
        if (targetDate < plan.startDate || targetDate > plan.endDate) problem('target_date', 'plans.errors.target_date_outside_plan', { start: plan.startDate, end: plan.endDate });
        const rule = { ...parsed.data, targetValue: parsed.data.targetValue ?? 0 };
        for (const { key, ...params } of targetProblems(rule, plan, milestones ?? {})) {
          problem('milestones', `plans.targetProblems.${key}`, params as PlanImportProblem['params']);
        }
        if (rowProblems.length === 0) goodIndicators.push({ row, goalCode, data: parsed.data, milestones: milestones ?? {} });
      }
      problems.push(...rowProblems);
    }

    if (problems.length > 0 && !input.validOnly) return { ...fail('import_has_errors', undefined, { count: new Set(problems.map((p) => `${p.sheet}:${p.row}`)).size }), problems };
    const counts = await insertRows(tx, plan, existingGoals, goodGoals, goodIndicators, input.actorId);
    const badRows = new Set(problems.map((p) => `${p.sheet}:${p.row}`)).size;
    return { ok: true, ...counts, skipped: badRows, problems };
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function insertRows(
  tx: Tx,
  plan: WorkPlanRow,
  existingGoals: { id: number; code: string; retiredAt: Date | null }[],
  goodGoals: { data: z.infer<typeof goalSchema> }[],
  goodIndicators: { goalCode: string; data: z.infer<typeof indicatorSchema>; milestones: Record<string, number> }[],
  actorId: string | null,
) {
  const goalIds = new Map(existingGoals.filter((g) => !g.retiredAt).map((g) => [g.code, g.id]));
  const [last] = await tx.select({ n: max(goals.sortOrder) }).from(goals).where(eq(goals.planId, plan.id));
  let order = last?.n ?? 0;
  for (const { data } of goodGoals) {
    const { planId: _p, goalId: _g, ...fields } = data;
    const [goal] = await tx.insert(goals).values({ ...fields, planId: plan.id, sortOrder: ++order }).returning();
    goalIds.set(goal!.code, goal!.id);
    await writeAudit(tx, { actorId, action: 'goal.create', entityType: 'goal', entityId: goal!.id, after: { ...fields, via: 'import' } });
  }
  let imported = 0;
  for (const { goalCode, data, milestones } of goodIndicators) {
    const goalId = goalIds.get(goalCode);
    if (goalId === undefined) continue; // its goal row was bad and skipped
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`coalesce(max(${indicators.sortOrder}), 0)::int` })
      .from(indicators)
      .where(and(eq(indicators.goalId, goalId), isNull(indicators.retiredAt)));
    const { planId: _p, indicatorId: _i, goalId: _g, targetValue, ...fields } = data;
    const [created] = await tx
      .insert(indicators)
      .values({ ...fields, planId: plan.id, goalId, targetValue: targetValue ?? 0, sortOrder: n + 1 })
      .returning();
    const ends = Object.keys(milestones).sort();
    if (ends.length > 0) {
      const periods = periodsBetween(created!.frequency, plan.startDate, plan.endDate);
      await tx.insert(indicatorTargets).values(
        periods.map((p) => ({ indicatorId: created!.id, periodStart: p.start, periodEnd: p.end, targetValue: milestones[p.end]! })),
      );
    }
    await writeAudit(tx, { actorId, action: 'indicator.create', entityType: 'indicator', entityId: created!.id, after: { ...indicatorAudit(created!), milestones, via: 'import' } });
    imported += 1;
  }
  return { goals: goodGoals.length, indicators: imported };
}
