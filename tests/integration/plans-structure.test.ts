import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { exportPlanWorkbook, planSpreadsheetRows } from '@/db/queries/plan-admin/export';
import { moveGoal, retireGoal, saveGoal } from '@/db/queries/plan-admin/goals';
import { importPlanWorkbook } from '@/db/queries/plan-admin/import';
import { moveIndicator, saveIndicator } from '@/db/queries/plan-admin/indicators';
import { createPlan, closePlan } from '@/db/queries/plan-admin/plans';
import { readPlanWorkbook, type PlanWorkbook } from '@/db/queries/plan-admin/workbook';
import { auditLog, goals, indicators, indicatorTargets, users, workPlans } from '@/db/schema';
import type { IndicatorInput } from '@/lib/validation/plans-indicators';
import { createTestDatabase, driverUnderTest } from '../support/db';

let handle: DbHandle;
let db: Db;
let admin: string;
let planId: number;

const goal = (code: string, extra: Partial<{ goalId: number }> = {}) => ({
  planId,
  goalId: extra.goalId ?? null,
  code,
  title: `Goal ${code}`,
  titleZh: null,
  description: null,
  descriptionZh: null,
  actorId: admin,
});

const indicator = (goalId: number, code: string, extra: Partial<IndicatorInput> = {}): IndicatorInput & { actorId: string } => ({
  planId, indicatorId: null, goalId, code, name: `Indicator ${code}`, nameZh: null, description: null, descriptionZh: null,
  unit: 'cities', valueKind: 'count', accumulation: 'cumulative', direction: 'increase', baselineValue: 0,
  baselineDate: '2024-12-31', targetValue: 10, targetDate: '2025-12-31', frequency: 'quarterly', ownerId: null,
  source: 'manual', derivedKey: null, disaggregations: ['city'], definition: 'What it counts', meansOfVerification: null,
  collectionMethod: null, targetRationale: null, actorId: admin, ...extra,
});

const counts = async () => ({
  goals: (await db.select().from(goals)).length,
  indicators: (await db.select().from(indicators)).length,
  targets: (await db.select().from(indicatorTargets)).length,
  audit: (await db.select().from(auditLog)).length,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [row] = await db.insert(users).values({ email: 'owner@test.org', name: 'Owner', role: 'staff' }).returning();
  admin = row!.id;
  const created = await createPlan(db, { year: 2025, title: 'Plan 2025', titleZh: null, startDate: '2025-01-01', endDate: '2025-12-31', copyFromPlanId: null, actorId: admin });
  planId = created.ok ? created.plan.id : 0;
});

afterAll(async () => {
  await handle?.close();
});

describe(`goals, indicators, import and export on ${driverUnderTest}`, () => {
  let g1: number;
  let g2: number;

  it('adds goals with codes unique within the plan, and audits each', async () => {
    const first = await saveGoal(db, goal('G1'));
    const second = await saveGoal(db, goal('G2'));
    expect(first.ok && second.ok).toBe(true);
    g1 = first.ok ? first.goal.id : 0;
    g2 = second.ok ? second.goal.id : 0;
    const before = await counts();
    expect(await saveGoal(db, goal('G1'))).toMatchObject({ ok: false, error: 'code_taken', field: 'code' });
    expect(await counts()).toEqual(before);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'goal.create'))).toHaveLength(2);
  });

  it('reorders goals', async () => {
    expect(await moveGoal(db, { id: g2, direction: 'up', actorId: admin })).toEqual({ ok: true, moved: true });
    const order = await db.select({ code: goals.code }).from(goals).where(eq(goals.planId, planId)).orderBy(asc(goals.sortOrder));
    expect(order.map((g) => g.code)).toEqual(['G2', 'G1']);
    expect(await moveGoal(db, { id: g2, direction: 'up', actorId: admin })).toEqual({ ok: true, moved: false });
  });

  it('adds indicators, refusing duplicate codes, target dates outside the plan and falling cumulative targets', async () => {
    const ok = await saveIndicator(db, indicator(g1, 'G1.1'));
    expect(ok).toMatchObject({ ok: true, indicator: { code: 'G1.1', sortOrder: 1, disaggregations: ['city'] } });
    await saveIndicator(db, indicator(g1, 'G1.2'));
    const before = await counts();
    expect(await saveIndicator(db, indicator(g2, 'G1.1'))).toMatchObject({ ok: false, error: 'code_taken' });
    expect(await saveIndicator(db, indicator(g1, 'G1.3', { targetDate: '2026-03-31' }))).toMatchObject({ ok: false, error: 'target_date_outside_plan', field: 'targetDate' });
    expect(await saveIndicator(db, indicator(g1, 'G1.3', { baselineValue: 12 }))).toMatchObject({ ok: false, error: 'targets_inconsistent' });
    expect(await saveIndicator(db, indicator(g1, 'G1.3', { valueKind: 'percent', targetValue: 140 }))).toMatchObject({ ok: false, error: 'targets_inconsistent' });
    expect(await counts()).toEqual(before);
    // A decreasing cumulative indicator may fall.
    expect(await saveIndicator(db, indicator(g1, 'G1.3', { direction: 'decrease', baselineValue: 12, targetValue: 4 }))).toMatchObject({ ok: true });
    const second = (await db.select().from(indicators).where(eq(indicators.code, 'G1.2')))[0]!;
    expect(await moveIndicator(db, { id: second.id, direction: 'up', actorId: admin })).toEqual({ ok: true, moved: true });
  });

  it('exports the plan and imports it back into another draft, row by row', async () => {
    const rows = await planSpreadsheetRows(db, planId);
    expect(rows.goals.map((g) => g.code)).toEqual(['G2', 'G1']);
    expect(rows.indicators.map((i) => i.code)).toEqual(['G1.2', 'G1.1', 'G1.3']);
    const workbook = (await readPlanWorkbook(new Uint8Array(await exportPlanWorkbook(db, planId))))!;
    expect(workbook.goals).toHaveLength(2);
    expect(workbook.indicators[0]!.cells).toMatchObject({ goal: 'G1', code: 'G1.2', accumulation: 'cumulative', target_value: '10' });

    const [other] = await db.insert(workPlans).values({ year: 2026, title: 'Plan 2026', startDate: '2025-01-01', endDate: '2025-12-31' }).returning();
    const bad: PlanWorkbook = {
      goals: [...workbook.goals, { row: 4, cells: { code: 'G1', title: 'Duplicate' } }],
      indicators: [
        ...workbook.indicators,
        { row: 5, cells: { ...workbook.indicators[0]!.cells, code: 'G9.1', goal: 'G9', value_kind: 'ratio' } },
        { row: 6, cells: { ...workbook.indicators[0]!.cells, code: 'G1.9', milestones: '2025-03-31: 1; 2025-06-30: 3; 2025-09-30: 2; 2025-12-31: 10' } },
      ],
    };
    const before = await counts();
    const refused = await importPlanWorkbook(db, { planId: other!.id, workbook: bad, validOnly: false, actorId: admin });
    expect(refused).toMatchObject({ ok: false, error: 'import_has_errors', params: { count: 3 } });
    const problems = refused.problems!.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Goals:4:code:plans.import.problems.duplicateInFile',
        'Indicators:5:goal:plans.import.problems.goalUnknown',
        'Indicators:5:value_kind:plans.validation.choose',
        'Indicators:6:milestones:plans.targetProblems.cumulativeFalls',
      ]),
    );
    expect(await counts()).toEqual(before);

    const partial = await importPlanWorkbook(db, { planId: other!.id, workbook: bad, validOnly: true, actorId: admin });
    expect(partial).toMatchObject({ ok: true, goals: 2, indicators: 3, skipped: 3 });
    const imported = await db.select().from(indicators).where(eq(indicators.planId, other!.id));
    expect(imported.map((i) => i.code).sort()).toEqual(['G1.1', 'G1.2', 'G1.3']);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'indicator.create'), eq(auditLog.entityId, String(imported[0]!.id))));
    expect(audits[0]!.after).toMatchObject({ via: 'import' });
  });

  it('retires a goal with its indicators, and refuses changes once the plan is closed', async () => {
    const retired = await retireGoal(db, { id: g2, actorId: admin });
    expect(retired).toMatchObject({ ok: true });
    await db.update(workPlans).set({ status: 'endorsed', endorsedOn: '2025-02-01' }).where(eq(workPlans.id, planId));
    expect(await closePlan(db, { planId, closedOn: '2025-12-31', actorId: admin })).toMatchObject({ ok: true });
    const before = await counts();
    expect(await saveGoal(db, goal('G7'))).toMatchObject({ ok: false, error: 'plan_closed' });
    expect(await saveIndicator(db, indicator(g1, 'G1.8'))).toMatchObject({ ok: false, error: 'plan_closed' });
    expect(await moveGoal(db, { id: g1, direction: 'up', actorId: admin })).toMatchObject({ ok: false, error: 'plan_closed' });
    expect(await counts()).toEqual(before);
  });
});
