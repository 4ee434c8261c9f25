import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { budgetUtilisationToDate, utilisationAsOf } from '@/db/queries/budget/utilisation';
import { recordExpenditure } from '@/db/queries/budget/expenditures';
import { indicatorChartByCode } from '@/db/queries/charts/indicator-chart';
import { derivedBreakdown } from '@/db/queries/derived';
import { getOverview } from '@/db/queries/overview';
import { findPlan } from '@/db/queries/plans';
import { committeeReport } from '@/db/queries/report/committee';
import { seedDemo } from '@/db/seed';
import { DEMO_AS_OF } from '@/db/seed/progress';
import { budgetLines, indicators, progressUpdates, users } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';

// The supporting-commitment indicator "budget utilisation rate" (G5.2) is derived from the budget through the read
// model: the indicator page, the overview, the report and the budget page give one figure, from one query.

let handle: DbHandle;
let db: Db;
let planId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
  planId = (await findPlan(db, 2020))!.id;
});

afterAll(async () => {
  await handle?.close();
});

const g52 = async (asOf?: string) => (await indicatorChartByCode(db, 'G5.2', { year: 2020, asOf }))!;

describe(`G5.2 derived from the budget on ${driverUnderTest}`, () => {
  it('is a derived indicator with no logged updates', async () => {
    const [row] = await db.select().from(indicators).where(and(eq(indicators.planId, planId), eq(indicators.code, 'G5.2')));
    expect(row).toMatchObject({ source: 'derived', derivedKey: 'budget_utilisation', accumulation: 'cumulative', valueKind: 'percent' });
    expect(await db.select().from(progressUpdates).where(eq(progressUpdates.indicatorId, row!.id))).toEqual([]);
  });

  it('reads spent ÷ budget in force at each quarter end, and on the as-of date for the quarter in progress', async () => {
    const chart = await g52(DEMO_AS_OF);
    expect(chart.points.map((p) => [p.numerator, p.denominator])).toEqual([
      [165000, 1200000], [357000, 1200000], [645000, 1200000], [790000, 1200000],
    ]);
    for (const [i, end] of ['2020-03-31', '2020-06-30', '2020-09-30', DEMO_AS_OF].entries()) {
      const u = await budgetUtilisationToDate(db, planId, end);
      expect(chart.points[i]!.numerator).toBe(Number(u.spent));
      expect(chart.points[i]!.denominator).toBe(Number(u.budget));
      expect(chart.points[i]!.actual! / 100).toBeCloseTo(u.utilisation!, 12);
    }
  });

  it('gives the same figure on the budget page, the overview, the indicator page and the report', async () => {
    const { rows } = await utilisationAsOf(db, planId, DEMO_AS_OF);
    const budgetPage = rows.find((r) => r.level === 'plan')!;
    const overview = (await getOverview(db, { year: 2020, to: DEMO_AS_OF, openGoals: 'all' }))!;
    const tile = overview.goals.flatMap((g) => g.indicators).find((i) => i.code === 'G5.2')!;
    const page = (await g52(DEMO_AS_OF)).evaluation.actual;
    const report = (await committeeReport(db, { year: 2020, asOf: DEMO_AS_OF }))!.goals.flatMap((g) => g.indicators).find((i) => i.code === 'G5.2')!;
    for (const reading of [tile.evaluation.actual, page, report.now.actual]) {
      expect(reading).toMatchObject({ numerator: Number(budgetPage.spent), denominator: Number(budgetPage.budget) });
      expect(reading.value).toBe(page.value);
      expect(reading.value! / 100).toBeCloseTo(budgetPage.utilisation!, 12);
    }
    expect(page.value!.toFixed(1)).toBe('65.8');
    // Its last update is the date of the latest expenditure it counts, not when a row was typed in.
    expect(tile.lastUpdatedAt).toBe('2020-11-10');
    expect(tile.derivedFrom).toBe('budget');
  });

  it('breaks down by budget line and by funding source, each part its own ratio', async () => {
    const ind = { id: 0, planId, derivedKey: 'budget_utilisation', accumulation: 'cumulative' as const, frequency: 'quarterly' as const };
    const plan = (await findPlan(db, 2020))!;
    const u = await budgetUtilisationToDate(db, planId, DEMO_AS_OF, { byLine: true, bySource: true });
    const lines = await derivedBreakdown(db, ind, plan, 'line', DEMO_AS_OF);
    expect(lines.map((l) => [l.key, l.numerator, l.denominator]).sort()).toEqual(u.byLine!.map((l) => [l.code, Number(l.spent), Number(l.budget)]).sort());
    expect(lines.find((l) => l.key === 'B4')!.label).toBe('B4 Online capacity development');
    const sources = await derivedBreakdown(db, ind, plan, 'source', DEMO_AS_OF);
    expect(sources.map((s) => [s.key, s.numerator, s.denominator]).sort()).toEqual(
      u.bySource!.map((s) => [s.fundingSource, Number(s.spent), Number(s.budget)]).sort(),
    );
    for (const s of sources) expect(s.value! / 100).toBeCloseTo(u.bySource!.find((x) => x.fundingSource === s.key)!.utilisation!, 12);
    const chart = (await indicatorChartByCode(db, 'G5.2', { year: 2020, breakdownBy: 'source' }))!;
    expect(chart.derivedBreakdown).toMatchObject({ ok: true, dimension: 'source', dimensions: ['line', 'source'], parts: 'percent' });
    expect((await indicatorChartByCode(db, 'G5.2', { year: 2020, breakdownBy: 'city' }))!.derivedBreakdown).toMatchObject({ ok: false, asked: 'city' });
  });

  it('moves the first quarter when an expenditure is back-dated into it', async () => {
    const [line] = await db.select().from(budgetLines).where(and(eq(budgetLines.planId, planId), eq(budgetLines.code, 'B5')));
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
    const result = await recordExpenditure(
      db,
      planId,
      { lineId: line!.id, spentOn: '2020-03-20', amount: '1000.01', currency: 'USD', rate: '', description: 'Late invoice', reference: 'LATE-1', evidenceUrl: '' },
      admin!.id,
    );
    expect(result.ok).toBe(true);
    const chart = await g52(DEMO_AS_OF);
    expect(chart.points.map((p) => p.numerator)).toEqual([166000.01, 358000.01, 646000.01, 791000.01]);
    expect(chart.evaluation.actual.numerator).toBe(Number((await budgetUtilisationToDate(db, planId, DEMO_AS_OF)).spent));
  });
});
