import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { monthlySpendSeries, planBudgetRevisions } from '@/db/queries/budget/series';
import { budgetUtilisationToDate, utilisationAsOf } from '@/db/queries/budget/utilisation';
import { expenditureHistory, listExpenditures } from '@/db/queries/budget/expenditures';
import { findPlan } from '@/db/queries/plans';
import { seedDemo } from '@/db/seed';
import { createTestDatabase, driverUnderTest } from '../support/db';

// The demo's budget agrees with the utilisation figures the demo's M&E Officer reported (indicator G5.2, now derived
// from this budget: tests/integration/budget-derived.test.ts).

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

describe(`the demo budget on ${driverUnderTest}`, () => {
  it('spends what the M&E Officer reported at each quarter end, of a USD 1,200,000 budget', async () => {
    const reported: [string, string][] = [['2020-03-31', '165000.00'], ['2020-06-30', '357000.00'], ['2020-09-30', '645000.00']];
    for (const [end, spent] of reported) {
      const u = await budgetUtilisationToDate(db, planId, end);
      expect([u.spent, u.budget]).toEqual([spent, '1200000.00']);
    }
  });

  it('stands at USD 790,000 of 1,200,000 (65.8 %) on the as-of date, by line and by funding source', async () => {
    const u = await budgetUtilisationToDate(db, planId, '2020-11-15', { byLine: true, bySource: true });
    expect(u).toMatchObject({ currency: 'USD', budget: '1200000.00', spent: '790000.00' });
    expect(u.utilisation).toBeCloseTo(790000 / 1200000, 12);
    expect(u.byLine!.map((l) => l.code)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
    const sum = (xs: { spent: string }[]) => xs.reduce((s, x) => s + Math.round(Number(x.spent) * 100), 0);
    expect(sum(u.byLine!)).toBe(79_000_000);
    expect(sum(u.bySource!)).toBe(79_000_000);
    expect(u.bySource!.map((s) => s.fundingSource).sort()).toEqual(['Government of China (through CICETE)', 'UN Fund for South-South Cooperation']);
    expect(u.timing.elapsedDays).toBe(320);
    expect(u.timing.planDays).toBe(366);
  });

  it('applies the August revisions only from their date', async () => {
    const before = await utilisationAsOf(db, planId, '2020-08-19');
    const after = await utilisationAsOf(db, planId, '2020-08-20');
    const line = (rows: typeof before.rows, code: string) => rows.find((r) => r.level === 'line' && r.code === code)!.budget;
    expect([line(before.rows, 'B4'), line(before.rows, 'B6')]).toEqual(['150000.00', '180000.00']);
    expect([line(after.rows, 'B4'), line(after.rows, 'B6')]).toEqual(['200000.00', '130000.00']);
    const revisions = await planBudgetRevisions(db, planId);
    expect(revisions.map((r) => [r.lineCode, r.effectiveOn])).toEqual([['B6', '2020-08-20'], ['B4', '2020-08-20']]);
  });

  it('counts the late-posted June payment in June, and a corrected payment once, on its corrected line', async () => {
    const june = await listExpenditures(db, planId, { upTo: '2020-06-30' });
    expect(june.find((e) => e.reference === 'UNOSSC-2020-BJ-0617')?.spentOn).toBe('2020-06-29');
    const september = await listExpenditures(db, planId, { upTo: '2020-09-30' });
    const corrected = september.filter((e) => e.reference === 'UNOSSC-2020-0915-PF');
    expect(corrected.map((e) => e.lineCode)).toEqual(['B1']);
    const history = await expenditureHistory(db, planId, corrected[0]!.id);
    expect(history.map((h) => h.lineCode)).toEqual(['B1', 'B2']);
    expect(history[1]!.supersededAt).not.toBeNull();
  });

  it('gives a month-by-month cumulative series with nothing spent after the as-of date', async () => {
    const series = await monthlySpendSeries(db, planId, '2020-11-15');
    expect(series).toHaveLength(12);
    expect(series.map((p) => p.spent)).toEqual([
      '48000.00', '100000.00', '165000.00', '215000.00', '273000.00', '357000.00', '432000.00', '530000.00', '645000.00', '745000.00', '790000.00', null,
    ]);
    expect(series[11]).toMatchObject({ budget: '1200000.00', planned: '1200000.00' });
    expect(series[0]!.planned).toBe('101639.34'); // 1,200,000 × 31 ÷ 366, to the cent
  });
});

describe(`the utilisation over windows (for the read model) on ${driverUnderTest}`, () => {
  it('gives the same numerator and denominator as budgetUtilisationToDate, overall and by line', async () => {
    const { utilisationWindowsSql } = await import('@/db/queries/budget/utilisation');
    const { queryRows } = await import('@/db/queries/raw');
    const { sql } = await import('drizzle-orm');
    const ends = ['2020-03-31', '2020-06-30', '2020-09-30', '2020-11-15'];
    const windows = sql`(values ${sql.join(ends.map((d, i) => sql`(${i}::int, '2020-01-01'::date, ${d}::date)`), sql`, `)}) as w(ord, from_d, to_d)`;
    const overall = await queryRows<{ ord: number; numerator: number; denominator: number }>(db, sql`${utilisationWindowsSql(windows, planId)} order by 1`);
    const byLine = await queryRows<{ ord: number; dimension: string; numerator: number }>(db, sql`${utilisationWindowsSql(windows, planId, 'line')} order by 1, 2`);
    for (const [i, d] of ends.entries()) {
      const u = await budgetUtilisationToDate(db, planId, d, { byLine: true });
      expect(overall[i]).toMatchObject({ numerator: Number(u.spent), denominator: Number(u.budget) });
      expect(byLine.filter((r) => Number(r.ord) === i).map((r) => [r.dimension, r.numerator])).toEqual(u.byLine!.map((l) => [l.code, Number(l.spent)]));
    }
  });
});
