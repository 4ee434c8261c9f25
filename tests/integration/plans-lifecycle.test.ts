import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { isUniqueViolation } from '@/db/queries/plan-admin/common';
import { closePlan, createPlan, endorsePlan, updatePlan } from '@/db/queries/plan-admin/plans';
import { findPlan } from '@/db/queries/plans';
import { auditLog, goals, indicators, meetings, progressUpdates, users, workPlans } from '@/db/schema';
import { createPlanSchema } from '@/lib/validation/plans';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertIndicator, insertPlan } from '../support/fixtures';

let handle: DbHandle;
let db: Db;
let admin: string;

const planInput = (year: number, copyFromPlanId: number | null = null) => ({
  year,
  title: `Plan ${year}`,
  titleZh: null,
  startDate: `${year}-01-01`,
  endDate: `${year}-12-31`,
  copyFromPlanId,
  actorId: admin,
});

async function approved(indicatorId: number, periodEnd: string, value: number, extra: { cityId?: number } = {}) {
  await db.insert(progressUpdates).values({
    indicatorId,
    periodStart: `${periodEnd.slice(0, 7)}-01`,
    periodEnd,
    value,
    status: 'approved',
    ...extra,
  });
}

const auditCount = async () => (await db.select().from(auditLog)).length;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [row] = await db.insert(users).values({ email: 'plans-admin@test.org', name: 'Plans Admin', role: 'admin' }).returning();
  admin = row!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe(`work plan lifecycle on ${driverUnderTest}`, () => {
  let plan2020: { id: number };

  it('copies 2020 forward to a 2021 draft with the actuals at the old plan\'s end as baselines', async () => {
    const { plan, goal } = await insertPlan(db, 2020);
    plan2020 = plan;
    const [retiredGoal] = await db.insert(goals).values({ planId: plan.id, code: 'G9', title: 'Dropped', retiredAt: new Date() }).returning();
    const signed = await insertIndicator(db, { planId: plan.id, goalId: goal.id }, { code: 'G1.1', accumulation: 'cumulative', baseline: 2, target: 10 });
    const trainings = await insertIndicator(db, { planId: plan.id, goalId: goal.id }, { code: 'G1.2', accumulation: 'non_cumulative', target: 12 });
    const silent = await insertIndicator(db, { planId: plan.id, goalId: goal.id }, { code: 'G1.3', accumulation: 'snapshot', baseline: 4, target: 6 });
    await insertIndicator(db, { planId: plan.id, goalId: retiredGoal!.id }, { code: 'G9.1', accumulation: 'snapshot' });
    await approved(signed.id, '2020-06-30', 5);
    await approved(signed.id, '2020-12-31', 9);
    await approved(trainings.id, '2020-03-31', 3);
    await approved(trainings.id, '2020-09-30', 4);
    // Not counted: only approved updates make the closing actual.
    await db.insert(progressUpdates).values({ indicatorId: trainings.id, periodStart: '2020-12-01', periodEnd: '2020-12-31', value: 50, status: 'submitted' });

    const result = await createPlan(db, planInput(2021, plan.id));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toMatchObject({ year: 2021, status: 'draft', copiedFromPlanId: plan.id });
    expect(result.copy).toEqual({ goals: 1, indicators: 3, withoutActual: ['G1.3'] });

    const copied = await db.select().from(indicators).where(eq(indicators.planId, result.plan.id));
    const byCode = new Map(copied.map((i) => [i.code, i]));
    expect(byCode.get('G1.1')).toMatchObject({ baselineValue: 9, baselineDate: '2020-12-31', targetValue: 10, targetDate: '2021-12-31' });
    expect(byCode.get('G1.2')).toMatchObject({ baselineValue: 7, baselineDate: '2020-12-31', targetDate: '2021-12-31' });
    // No data at the end of 2020: the old baseline stays, with its own date.
    expect(byCode.get('G1.3')).toMatchObject({ baselineValue: 4, baselineDate: '2019-12-31' });
    expect(byCode.has('G9.1')).toBe(false);
    expect(copied.every((i) => i.goalId !== goal.id)).toBe(true);
    expect(silent.id).not.toBe(byCode.get('G1.3')!.id);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'plan.copy_forward'), eq(auditLog.entityId, String(result.plan.id))));
    expect(audit).toMatchObject({ actorId: admin, entityType: 'work_plan' });
    expect(audit!.after).toMatchObject({ year: 2021, copiedFrom: { year: 2020 }, indicators: 3 });
  });

  it('refuses a second plan for a year and a copy from a later year, leaving the database unchanged', async () => {
    const before = await auditCount();
    expect(await createPlan(db, planInput(2021))).toMatchObject({ ok: false, error: 'year_taken', field: 'year' });
    const later = await createPlan(db, planInput(2019, plan2020.id));
    expect(later).toMatchObject({ ok: false, error: 'copy_source_invalid' });
    expect(await db.select().from(workPlans).where(eq(workPlans.year, 2019))).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it('validates the create form before anything is written', () => {
    const parsed = createPlanSchema.safeParse({ year: '20x1', title: ' ', startDate: '2021-02-30', endDate: '2021-12-31', copyFromPlanId: '' });
    expect(parsed.success).toBe(false);
    const fields = Object.keys(parsed.error!.flatten().fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(['year', 'title', 'startDate']));
  });

  it('edits a draft, and refuses to edit an endorsed plan', async () => {
    const draft = (await findPlan(db, 2021))!;
    const edited = await updatePlan(db, { planId: draft.id, title: 'Plan 2021 (draft 2)', titleZh: null, startDate: '2021-01-01', endDate: '2021-12-31', actorId: admin });
    expect(edited).toMatchObject({ ok: true, changed: true });
    // The copied indicators' target dates (31 Dec) must stay inside the plan.
    expect(await updatePlan(db, { planId: draft.id, title: 'x', titleZh: null, startDate: '2021-01-01', endDate: '2021-06-30', actorId: admin })).toMatchObject({
      ok: false,
      error: 'dates_conflict',
    });
    expect(await updatePlan(db, { planId: plan2020.id, title: 'x', titleZh: null, startDate: '2020-01-01', endDate: '2020-12-31', actorId: admin })).toMatchObject({
      ok: false,
      error: 'plan_not_draft',
    });
  });

  it('endorses a draft at a Steering Committee meeting, once', async () => {
    const draft = (await findPlan(db, 2021))!;
    const [meeting] = await db.insert(meetings).values({ kind: 'steering_committee', heldOn: '2021-04-20', title: 'SC 2021' }).returning();
    const [workingLevel] = await db.insert(meetings).values({ kind: 'working_level', heldOn: '2021-04-21', title: 'WL' }).returning();
    expect(await endorsePlan(db, { planId: draft.id, endorsedOn: '2021-04-20', meetingId: workingLevel!.id, actorId: admin })).toMatchObject({
      ok: false,
      error: 'meeting_invalid',
    });
    const result = await endorsePlan(db, { planId: draft.id, endorsedOn: '2021-04-20', meetingId: meeting!.id, actorId: admin });
    expect(result).toMatchObject({ ok: true, plan: { status: 'endorsed', endorsedOn: '2021-04-20', endorsedAtMeetingId: meeting!.id } });
    expect(await endorsePlan(db, { planId: draft.id, endorsedOn: '2021-04-21', meetingId: null, actorId: admin })).toMatchObject({
      ok: false,
      error: 'plan_not_draft',
    });
    // The dashboards now default to 2021.
    expect((await findPlan(db))!.year).toBe(2021);
  });

  it('refuses an empty plan and a second endorsed plan for a year', async () => {
    const [empty] = await db.insert(workPlans).values({ year: 2022, title: 'Empty', startDate: '2022-01-01', endDate: '2022-12-31' }).returning();
    expect(await endorsePlan(db, { planId: empty!.id, endorsedOn: '2022-03-01', meetingId: null, actorId: admin })).toMatchObject({ ok: false, error: 'plan_empty' });
    const [rival] = await db.insert(workPlans).values({ year: 2021, title: 'Rival 2021', startDate: '2021-01-01', endDate: '2021-12-31' }).returning();
    const [g] = await db.insert(goals).values({ planId: rival!.id, code: 'G1', title: 'g' }).returning();
    await insertIndicator(db, { planId: rival!.id, goalId: g!.id }, { code: 'X1', accumulation: 'snapshot' });
    expect(await endorsePlan(db, { planId: rival!.id, endorsedOn: '2021-05-01', meetingId: null, actorId: admin })).toMatchObject({
      ok: false,
      error: 'year_already_endorsed',
      params: { year: 2021 },
    });
  });

  it('lets only one of two concurrent endorsements for the same year succeed', async () => {
    const drafts = [];
    for (const title of ['A', 'B']) {
      const [p] = await db.insert(workPlans).values({ year: 2023, title, startDate: '2023-01-01', endDate: '2023-12-31' }).returning();
      const [g] = await db.insert(goals).values({ planId: p!.id, code: 'G1', title: 'g' }).returning();
      await insertIndicator(db, { planId: p!.id, goalId: g!.id }, { code: 'X1', accumulation: 'snapshot' });
      drafts.push(p!);
    }
    const results = await Promise.all(drafts.map((p) => endorsePlan(db, { planId: p.id, endorsedOn: '2023-02-01', meetingId: null, actorId: admin })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: 'year_already_endorsed' });
    const endorsed = await db.select().from(workPlans).where(and(eq(workPlans.year, 2023), eq(workPlans.status, 'endorsed')));
    expect(endorsed).toHaveLength(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'plan.endorse'))).toHaveLength(2); // 2021 and one of 2023
  });

  it('recognises the database refusing a second endorsed plan, on this driver', async () => {
    const error = await db
      .insert(workPlans)
      .values({ year: 2023, title: 'C', status: 'endorsed', startDate: '2023-01-01', endDate: '2023-12-31' })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error, 'work_plans_one_endorsed_per_year')).toBe(true);
    expect(isUniqueViolation(error, 'some_other_constraint')).toBe(false);
  });

  it('closes an endorsed plan only at the end of its year', async () => {
    const before = await auditCount();
    expect(await closePlan(db, { planId: plan2020.id, closedOn: '2020-11-30', actorId: admin })).toMatchObject({
      ok: false,
      error: 'close_before_end',
      params: { date: '2020-12-31' },
    });
    expect(await auditCount()).toBe(before);
    expect(await closePlan(db, { planId: plan2020.id, closedOn: '2021-01-05', actorId: admin })).toMatchObject({
      ok: true,
      plan: { status: 'closed', closedOn: '2021-01-05' },
    });
    expect(await closePlan(db, { planId: plan2020.id, closedOn: '2021-01-06', actorId: admin })).toMatchObject({ ok: false, error: 'plan_not_endorsed' });
    // A closed plan still counts as that year's endorsed plan.
    expect((await findPlan(db, 2020))!.status).toBe('closed');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'plan.close'), eq(auditLog.entityId, String(plan2020.id))));
    expect(audit!.before).toMatchObject({ status: 'endorsed' });
  });
});
