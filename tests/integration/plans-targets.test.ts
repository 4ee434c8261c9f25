import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { getOverview } from '@/db/queries/overview';
import { saveIndicator } from '@/db/queries/plan-admin/indicators';
import { setTargets } from '@/db/queries/plan-admin/targets';
import { revisionsSince, targetHistory, targetsInForce } from '@/db/queries/plan-admin/targets-in-force';
import { appSettings, auditLog, indicators, indicatorTargets, progressUpdates, targetRevisions, users, workPlans } from '@/db/schema';
import type { IndicatorInput } from '@/lib/validation/plans-indicators';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertIndicator, insertPlan } from '../support/fixtures';

let handle: DbHandle;
let db: Db;
let admin: string;

const quarters = (q1: number | null, q2: number | null, q3: number | null, q4: number | null) => ({
  '2020-03-31': q1,
  '2020-06-30': q2,
  '2020-09-30': q3,
  '2020-12-31': q4,
});

async function indicatorForm(id: number): Promise<IndicatorInput> {
  const [i] = await db.select().from(indicators).where(eq(indicators.id, id));
  const { planId, goalId, code, name, nameZh, description, descriptionZh, unit, valueKind, accumulation, direction } = i!;
  return {
    ...{ planId, goalId, code, name, nameZh, description, descriptionZh, unit, valueKind, accumulation, direction },
    ...{ baselineValue: i!.baselineValue, baselineDate: i!.baselineDate, targetValue: null, targetDate: i!.targetDate },
    ...{ frequency: i!.frequency, ownerId: i!.ownerId, source: i!.source, derivedKey: i!.derivedKey, disaggregations: i!.disaggregations },
    ...{ definition: null, meansOfVerification: null, collectionMethod: null, targetRationale: null, indicatorId: id },
  };
}

const tableSizes = async () => ({
  revisions: (await db.select().from(targetRevisions)).length,
  targets: (await db.select().from(indicatorTargets)).length,
  audit: (await db.select().from(auditLog)).length,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [row] = await db.insert(users).values({ email: 'targets-admin@test.org', name: 'Target Admin', role: 'admin' }).returning();
  admin = row!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe(`targets, revisions and "as of" targets on ${driverUnderTest}`, () => {
  let planId: number;
  let agreements: number;

  beforeAll(async () => {
    const { plan, goal } = await insertPlan(db, 2020);
    planId = plan.id;
    await db.update(workPlans).set({ status: 'draft' }).where(eq(workPlans.id, plan.id));
    agreements = (await insertIndicator(db, { planId, goalId: goal.id }, { code: 'G1.2', accumulation: 'cumulative', baseline: 0, target: 8 })).id;
  });

  it('refuses inconsistent milestones and leaves the database unchanged', async () => {
    const before = await tableSizes();
    const base = { indicatorId: agreements, effectiveOn: null, reason: null, actorId: admin };
    const falls = await setTargets(db, { ...base, finalTarget: 8, milestones: quarters(1, 3, 2, 8) });
    expect(falls).toMatchObject({ ok: false, error: 'targets_inconsistent', problems: [{ key: 'cumulativeFalls', period: '2020-09-30' }] });
    const incomplete = await setTargets(db, { ...base, finalTarget: 8, milestones: quarters(1, null, 5, 8) });
    expect(incomplete).toMatchObject({ ok: false, problems: [{ key: 'periodsIncomplete' }] });
    const mismatch = await setTargets(db, { ...base, finalTarget: 9, milestones: quarters(1, 3, 5, 8) });
    expect(mismatch).toMatchObject({ ok: false, problems: [{ key: 'lastMilestoneMismatch', last: 8, final: 9 }] });
    const offPeriod = await setTargets(db, { ...base, finalTarget: 8, milestones: { ...quarters(1, 3, 5, 8), '2020-05-31': 2 } });
    expect(offPeriod).toMatchObject({ ok: false, problems: [{ key: 'periodUnknown', period: '2020-05-31' }] });
    expect(await tableSizes()).toEqual(before);
  });

  it('sets targets in a draft without revisions', async () => {
    const result = await setTargets(db, { indicatorId: agreements, finalTarget: 8, milestones: quarters(1, 3, 5, 8), effectiveOn: null, reason: null, actorId: admin });
    expect(result).toEqual({ ok: true, changed: true, revisions: 0 });
    expect(await db.select().from(targetRevisions)).toHaveLength(0);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'indicator.targets_set'));
    expect(audit!.after).toMatchObject({ finalTarget: 8, milestones: { '2020-12-31': 8 } });
  });

  it('records a revision once the plan is endorsed, and needs a reason and a date inside the plan', async () => {
    await db.update(workPlans).set({ status: 'endorsed', endorsedOn: '2020-05-07' }).where(eq(workPlans.id, planId));
    const revised = { indicatorId: agreements, finalTarget: 10, milestones: quarters(1, 3, 6, 10), actorId: admin };
    const before = await tableSizes();
    expect(await setTargets(db, { ...revised, effectiveOn: '2020-07-01', reason: null })).toMatchObject({ ok: false, error: 'revision_needs_reason', field: 'reason' });
    expect(await setTargets(db, { ...revised, effectiveOn: '2021-01-15', reason: 'More demand' })).toMatchObject({ ok: false, error: 'revision_date_invalid' });
    expect(await setTargets(db, { ...revised, milestones: quarters(null, null, null, null), effectiveOn: '2020-07-01', reason: 'x' })).toMatchObject({
      ok: false,
      error: 'milestones_fixed_after_endorsement',
    });
    expect(await tableSizes()).toEqual(before);

    const result = await setTargets(db, { ...revised, effectiveOn: '2020-07-01', reason: 'Two more cities asked to join' });
    expect(result).toEqual({ ok: true, changed: true, revisions: 3 }); // final, Q3 and Q4
    const [current] = await db.select().from(indicators).where(eq(indicators.id, agreements));
    expect(current!.targetValue).toBe(10);
    const rows = await db.select().from(targetRevisions).where(eq(targetRevisions.indicatorId, agreements));
    expect(rows.find((r) => r.targetId === null)).toMatchObject({ oldValue: 8, newValue: 10, effectiveOn: '2020-07-01', revisedBy: admin });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'indicator.targets_revise'));
    expect(audit!.after).toMatchObject({ finalTarget: 10, reason: 'Two more cities asked to join', effectiveOn: '2020-07-01' });
  });

  it('refuses a revision dated before the latest one', async () => {
    const result = await setTargets(db, { indicatorId: agreements, finalTarget: 12, milestones: quarters(1, 3, 6, 12), effectiveOn: '2020-06-01', reason: 'late', actorId: admin });
    expect(result).toMatchObject({ ok: false, error: 'revision_date_invalid', params: { start: '2020-07-01' } });
  });

  it('uses the targets in force on the as-of date', async () => {
    const early = (await targetsInForce(db, planId, '2020-06-30')).get(agreements)!;
    expect(early.finalTarget).toBe(8);
    expect(early.milestones.map((m) => m.target)).toEqual([1, 3, 5, 8]);
    const late = (await targetsInForce(db, planId, '2020-07-01')).get(agreements)!;
    expect(late.finalTarget).toBe(10);
    expect(late.milestones.map((m) => m.target)).toEqual([1, 3, 6, 10]);

    // The overview evaluates against them too.
    await db.insert(progressUpdates).values({ indicatorId: agreements, periodStart: '2020-04-01', periodEnd: '2020-06-30', value: 3, status: 'approved' });
    await db.insert(appSettings).values({ key: 'as_of_date', value: '2020-06-30' }).onConflictDoUpdate({ target: appSettings.key, set: { value: '2020-06-30' } });
    const june = await getOverview(db, { year: 2020 });
    expect(june!.goals[0]!.indicators[0]!.evaluation.finalTarget).toBe(8);
    await db.update(appSettings).set({ value: '2020-12-31' }).where(eq(appSettings.key, 'as_of_date'));
    const december = await getOverview(db, { year: 2020 });
    expect(december!.goals[0]!.indicators[0]!.evaluation.finalTarget).toBe(10);
  });

  it('gives the original and revised target lines with who revised and why', async () => {
    const history = (await targetHistory(db, agreements))!;
    expect(history.original).toMatchObject({ finalTarget: 8, milestones: [{ target: 1 }, { target: 3 }, { target: 5 }, { target: 8 }] });
    expect(history.current.finalTarget).toBe(10);
    expect(history.lines.map((l) => [l.from, l.line.finalTarget])).toEqual([
      [null, 8],
      ['2020-07-01', 10],
    ]);
    expect(history.revisions).toHaveLength(3);
    expect(history.revisions[0]).toMatchObject({ effectiveOn: '2020-07-01', reason: 'Two more cities asked to join', revisedBy: 'Target Admin' });
    expect(history.revisions.some((r) => r.period?.end === '2020-09-30' && r.oldValue === 5 && r.newValue === 6)).toBe(true);
    // The committee report's list: revisions since a chosen date.
    expect(await revisionsSince(db, planId, '2020-07-02')).toHaveLength(0);
    const since = await revisionsSince(db, planId, '2020-07-01');
    expect(since.map((r) => [r.indicatorCode, r.period?.end ?? 'final', r.newValue])).toEqual(
      expect.arrayContaining([['G1.2', 'final', 10], ['G1.2', '2020-09-30', 6], ['G1.2', '2020-12-31', 10]]),
    );
  });

  it('refuses changing the accumulation or value kind of an indicator with updates, unchanged otherwise', async () => {
    const before = await tableSizes();
    const form = await indicatorForm(agreements);
    const result = await saveIndicator(db, { ...form, accumulation: 'non_cumulative', actorId: admin });
    expect(result).toMatchObject({ ok: false, error: 'structural_change_with_updates', field: 'accumulation', params: { fields: 'accumulation' } });
    expect(await saveIndicator(db, { ...form, valueKind: 'percent', actorId: admin })).toMatchObject({ ok: false, error: 'structural_change_with_updates' });
    const [after] = await db.select().from(indicators).where(eq(indicators.id, agreements));
    expect(after).toMatchObject({ accumulation: 'cumulative', valueKind: 'count' });
    expect(await tableSizes()).toEqual(before);
    // Descriptive fields still change, audited.
    expect(await saveIndicator(db, { ...form, definition: 'Signed agreements, running total.', actorId: admin })).toMatchObject({ ok: true, changed: true });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'indicator.update'));
    expect(audit!.after).toMatchObject({ definition: 'Signed agreements, running total.' });
  });
});
