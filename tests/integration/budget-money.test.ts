import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { recordExpenditure, correctExpenditure, voidExpenditure } from '@/db/queries/budget/expenditures';
import { createBudgetLine, reviseBudgetLine, setBaseCurrency, updateBudgetLine } from '@/db/queries/budget/lines';
import { budgetUtilisationToDate, utilisationAsOf } from '@/db/queries/budget/utilisation';
import { auditLog, expenditures, goals, users, workPlans } from '@/db/schema';
import { budgetLineSchema, expenditureSchema, type BudgetLineInput, type ExpenditureInput } from '@/lib/validation/budget';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertPlan } from '../support/fixtures';

// Money is exact (numeric, summed in SQL), conversions round half away from zero to the cent, and utilisation
// matches a hand computation — on both drivers.

let handle: DbHandle;
let db: Db;
let actor: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [admin] = await db.insert(users).values({ email: 'admin@test.org', name: 'Admin', role: 'admin' }).returning();
  actor = admin!.id;
});

afterAll(async () => {
  await handle?.close();
});

async function draftPlan(year: number) {
  const [plan] = await db.insert(workPlans).values({ year, title: `Plan ${year}`, status: 'draft', startDate: `${year}-01-01`, endDate: `${year}-12-31` }).returning();
  const [goal] = await db.insert(goals).values({ planId: plan!.id, code: 'G1', title: 'Goal', sortOrder: 1 }).returning();
  return { plan: plan!, goal: goal! };
}

const lineInput = (planId: number, over: Partial<Record<string, unknown>> = {}): BudgetLineInput =>
  budgetLineSchema.parse({ planId, code: 'L1', title: 'Line', goalId: '', fundingSource: 'Donor', amount: '1000', currency: 'USD', effectiveOn: '', reason: '', ...over });

const spend = (lineId: number, over: Partial<Record<string, unknown>> = {}, base = 'USD'): ExpenditureInput =>
  expenditureSchema(base).parse({ lineId, spentOn: '2030-03-01', amount: '1', currency: 'USD', rate: '', description: 'x', reference: '', evidenceUrl: '', ...over });

async function newLine(planId: number, over: Partial<Record<string, unknown>> = {}) {
  const result = await createBudgetLine(db, lineInput(planId, over), actor);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.record.id;
}

describe(`exact money on ${driverUnderTest}`, () => {
  it('sums a thousand amounts of 0.10 and 0.20 to exactly 300.00, and utilisation to exactly 0.3', async () => {
    const { plan } = await draftPlan(2030);
    const lineId = await newLine(plan.id, { amount: '1000.00' });
    const rows = Array.from({ length: 1000 }, (_, i) => ({ planId: plan.id, lineId, spentOn: '2030-02-01', amount: i % 2 ? '0.10' : '0.20', currency: 'USD', description: 'small' }));
    await db.insert(expenditures).values(rows);
    const u = await budgetUtilisationToDate(db, plan.id, '2030-12-31');
    expect(u.spent).toBe('150.00');
    expect(0.1 + 0.2).not.toBe(0.3); // what floats would have done
    await recordExpenditure(db, plan.id, spend(lineId, { amount: '150.00' }), actor);
    expect((await budgetUtilisationToDate(db, plan.id, '2030-12-31')).spent).toBe('300.00');
    expect((await budgetUtilisationToDate(db, plan.id, '2030-12-31')).utilisation).toBe(0.3);
  });

  it('keeps large amounts to the cent', async () => {
    const { plan } = await draftPlan(2031);
    const lineId = await newLine(plan.id, { amount: '99999999999999.99' });
    await recordExpenditure(db, plan.id, spend(lineId, { spentOn: '2031-05-05', amount: '33333333333333.33' }), actor);
    await recordExpenditure(db, plan.id, spend(lineId, { spentOn: '2031-05-06', amount: '33333333333333.34' }), actor);
    const u = await budgetUtilisationToDate(db, plan.id, '2031-12-31');
    expect(u.spent).toBe('66666666666666.67');
    expect(u.budget).toBe('99999999999999.99');
  });

  it('converts with the expenditure rate, rounding half away from zero to the cent', async () => {
    const { plan } = await draftPlan(2032);
    const lineId = await newLine(plan.id);
    const cases: [string, string, string][] = [
      ['1.00', '0.125', '0.13'],
      ['1.00', '0.115', '0.12'], // a float would make 0.115 into 0.11499… and round down
      ['10.00', '0.1234565', '1.23'],
      ['100.00', '0.1450000000', '14.50'],
      ['3.33', '3', '9.99'],
    ];
    for (const [amount, rate, base] of cases) {
      const r = await recordExpenditure(db, plan.id, spend(lineId, { spentOn: '2032-01-10', amount, currency: 'CNY', rate }), actor);
      if (!r.ok) throw new Error(JSON.stringify(r));
      const [row] = await db.select({ base: expenditures.baseAmount }).from(expenditures).where(eq(expenditures.id, r.record.id));
      expect(row!.base).toBe(base);
    }
    expect((await budgetUtilisationToDate(db, plan.id, '2032-12-31')).spent).toBe('25.97');
  });

  it('moves the as-of figures when an expenditure is back-dated, corrected or voided', async () => {
    const { plan } = await draftPlan(2033);
    const lineId = await newLine(plan.id, { amount: '400' });
    await recordExpenditure(db, plan.id, spend(lineId, { spentOn: '2033-03-01', amount: '100' }), actor);
    expect((await budgetUtilisationToDate(db, plan.id, '2033-02-28')).spent).toBe('0');
    const late = await recordExpenditure(db, plan.id, spend(lineId, { spentOn: '2033-02-01', amount: '50' }), actor);
    expect((await budgetUtilisationToDate(db, plan.id, '2033-02-28')).spent).toBe('50.00');
    if (!late.ok) throw new Error('not recorded');
    const fixed = await correctExpenditure(db, plan.id, { ...spend(lineId, { spentOn: '2033-04-01', amount: '60' }), expenditureId: late.record.id, reason: 'Paid in April' }, actor);
    expect(fixed.ok).toBe(true);
    expect((await budgetUtilisationToDate(db, plan.id, '2033-02-28')).spent).toBe('0');
    expect((await budgetUtilisationToDate(db, plan.id, '2033-04-30')).spent).toBe('160.00');
    // The superseded version cannot be corrected again.
    expect((await correctExpenditure(db, plan.id, { ...spend(lineId), expenditureId: late.record.id, reason: 'again' }, actor)).ok).toBe(false);
    if (!fixed.ok) throw new Error('not corrected');
    await voidExpenditure(db, plan.id, fixed.record.id, 'Duplicate', actor);
    expect((await budgetUtilisationToDate(db, plan.id, '2033-04-30')).spent).toBe('100.00');
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.entityType} = 'expenditure'`);
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['expenditure.create', 'expenditure.correct', 'expenditure.void']));
  });

  it('matches a hand computation per line, per source and overall, with time elapsed and projection', async () => {
    const { plan, goal } = await draftPlan(2034);
    const a = await newLine(plan.id, { code: 'A', amount: '1000', goalId: String(goal.id), fundingSource: 'Donor X' });
    const b = await newLine(plan.id, { code: 'B', amount: '3000', fundingSource: 'Donor Y' });
    await recordExpenditure(db, plan.id, spend(a, { spentOn: '2034-01-15', amount: '250' }), actor);
    await recordExpenditure(db, plan.id, spend(b, { spentOn: '2034-02-01', amount: '750.50' }), actor);
    await recordExpenditure(db, plan.id, spend(b, { spentOn: '2034-06-01', amount: '999' }), actor);
    const { rows, timing } = await utilisationAsOf(db, plan.id, '2034-03-31');
    expect(timing).toEqual({ elapsedDays: 90, planDays: 365, timeElapsed: 90 / 365 });
    const at = (level: string, code: string | null) => rows.find((r) => r.level === level && (code === null || r.code === code || r.fundingSource === code))!;
    expect(at('plan', null)).toMatchObject({ budget: '4000.00', spent: '1000.50', remaining: '2999.50', projectedYearEnd: '4057.58', utilisation: 0.250125 });
    expect(at('line', 'A')).toMatchObject({ spent: '250.00', utilisation: 0.25 });
    expect(at('goal', 'G1')).toMatchObject({ budget: '1000.00', spent: '250.00' });
    expect(rows.find((r) => r.level === 'goal' && r.id === null)).toMatchObject({ budget: '3000.00', spent: '750.50' });
    expect(at('source', 'Donor Y')).toMatchObject({ budget: '3000.00', spent: '750.50' });
  });

  it('agrees with a reference sum for random amounts (property)', async () => {
    const { plan } = await draftPlan(2035);
    const lineId = await newLine(plan.id, { amount: '1000000' });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 99_999_999 }), { minLength: 1, maxLength: 40 }), async (cents) => {
        await db.delete(expenditures).where(eq(expenditures.planId, plan.id));
        const text = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;
        await db.insert(expenditures).values(cents.map((c) => ({ planId: plan.id, lineId, spentOn: '2035-01-02', amount: text(c), currency: 'USD', description: 'p' })));
        const total = cents.reduce((s, c) => s + c, 0); // integer cents: exact in JavaScript below 2^53
        expect((await budgetUtilisationToDate(db, plan.id, '2035-12-31')).spent).toBe(text(total));
      }),
      { numRuns: 25 },
    );
  });
});

describe(`budget revisions on ${driverUnderTest}`, () => {
  it('edits a draft plan freely, then changes an endorsed plan only by a dated revision with a reason', async () => {
    const { plan } = await insertPlan(db, 2036);
    await db.update(workPlans).set({ status: 'draft' }).where(eq(workPlans.id, plan.id));
    const lineId = await newLine(plan.id, { amount: '500' });
    expect((await updateBudgetLine(db, lineId, lineInput(plan.id, { amount: '600' }), actor)).ok).toBe(true);
    await db.update(workPlans).set({ status: 'endorsed', endorsedOn: '2036-02-01' }).where(eq(workPlans.id, plan.id));
    const noReason = await updateBudgetLine(db, lineId, lineInput(plan.id, { amount: '700' }), actor);
    expect(noReason).toMatchObject({ ok: false, error: 'field', field: 'effectiveOn' });
    const noText = await updateBudgetLine(db, lineId, lineInput(plan.id, { amount: '700', effectiveOn: '2036-05-01' }), actor);
    expect(noText).toMatchObject({ ok: false, field: 'reason' });
    expect((await updateBudgetLine(db, lineId, lineInput(plan.id, { amount: '700', effectiveOn: '2036-05-01', reason: 'Top-up' }), actor)).ok).toBe(true);
    // Revisions of a line stay in date order, inside the plan.
    const early = await reviseBudgetLine(db, { lineId, newAmount: '800', effectiveOn: '2036-04-01', reason: 'Earlier' }, actor);
    expect(early).toMatchObject({ ok: false, field: 'effectiveOn', messageKey: 'budget.validation.effectiveBeforeLast' });
    expect(await reviseBudgetLine(db, { lineId, newAmount: '800', effectiveOn: '2037-01-01', reason: 'Later' }, actor)).toMatchObject({ ok: false, field: 'effectiveOn' });
    expect((await reviseBudgetLine(db, { lineId, newAmount: '800', effectiveOn: '2036-09-01', reason: 'Second top-up' }, actor)).ok).toBe(true);
    const budgetOn = async (d: string) => (await budgetUtilisationToDate(db, plan.id, d)).budget;
    expect([await budgetOn('2036-04-30'), await budgetOn('2036-05-01'), await budgetOn('2036-12-31')]).toEqual(['600.00', '700.00', '800.00']);
    // A line added after endorsement is a revision from zero.
    const addedNoDate = await createBudgetLine(db, lineInput(plan.id, { code: 'L2', amount: '100' }), actor);
    expect(addedNoDate).toMatchObject({ ok: false, field: 'effectiveOn' });
    await newLine(plan.id, { code: 'L2', amount: '100', effectiveOn: '2036-10-01', reason: 'New activity' });
    expect([await budgetOn('2036-09-30'), await budgetOn('2036-10-01')]).toEqual(['800.00', '900.00']);
  });

  it('refuses another currency for a line, and a base-currency change once lines exist', async () => {
    const { plan } = await draftPlan(2037);
    expect(await createBudgetLine(db, lineInput(plan.id, { currency: 'EUR' }), actor)).toMatchObject({ ok: false, field: 'currency' });
    expect((await setBaseCurrency(db, plan.id, 'EUR', actor)).ok).toBe(true);
    await newLine(plan.id, { currency: 'EUR' });
    expect(await setBaseCurrency(db, plan.id, 'USD', actor)).toMatchObject({ ok: false, field: 'baseCurrency' });
  });
});
