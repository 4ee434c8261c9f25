import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { EXPAND_ALL_UP_TO, getOverview, type Overview } from '@/db/queries/overview';
import { and, eq } from 'drizzle-orm';
import { indicators, progressUpdates, users } from '@/db/schema';
import { countedStatuses, currentKnowledge, planActuals } from '@/db/read-model';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertOverviewFixture } from './overview-fixture';

let handle: DbHandle;
let fx: Awaited<ReturnType<typeof insertOverviewFixture>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  fx = await insertOverviewFixture(handle.db);
});

afterAll(async () => {
  await handle?.close();
});

const byCode = (o: Overview | undefined) => new Map(o!.goals.flatMap((g) => g.indicators).map((i) => [i.code, i]));
const goal = (o: Overview | undefined, code: string) => o!.goals.find((g) => g.code === code)!;
// Day shares of 2020 (366 days) from the baseline date 2019-12-31, as lib/progress counts them.
const share = (days: number) => days / 366;

describe(`the overview's goals, filters and sparklines (${driverUnderTest})`, () => {
  it('summarises every goal by status, hand-computed, and counts only approved updates by default', async () => {
    const o = await getOverview(handle.db);
    expect(o!.asOf).toBe('2020-12-31');
    const i = byCode(o);
    // NC 10 + 5 + 3 of 100; CU 40 (c1) + 8 (c2) of 60; SN (30 − 50) / (20 − 50); PN 40 / 150 against 50 %.
    expect(i.get('NC')!.evaluation.actual.value).toBe(18);
    expect(i.get('NC')!.evaluation.achievement).toBeCloseTo(0.18, 9);
    expect(i.get('CU')!.evaluation.actual.value).toBe(48);
    expect(i.get('CU')!.evaluation.status).toBe('at_risk');
    expect(i.get('SN')!.evaluation.achievement).toBeCloseTo(2 / 3, 9);
    expect(i.get('PN')!.evaluation.actual.value).toBeCloseTo(100 * (40 / 150), 9);
    expect(i.get('KL')!.evaluation.actual.value).toBe(10);
    expect(goal(o, 'G1').statusCounts).toEqual({ ahead: 0, on_track: 0, at_risk: 1, off_track: 3, no_data: 0 });
    expect(goal(o, 'G1').indicatorCount).toBe(4);
    expect(goal(o, 'G1').lowestAchievement).toBeCloseTo(0.18, 9);
    // KL 10 of 40 → 25 %.
    expect(goal(o, 'G2').statusCounts).toEqual({ ahead: 0, on_track: 0, at_risk: 0, off_track: 1, no_data: 0 });
    expect(o!.statusCounts).toEqual({ ahead: 0, on_track: 0, at_risk: 1, off_track: 4, no_data: 0 });
  });

  it('adds submitted-but-not-approved updates only when asked', async () => {
    const o = await getOverview(handle.db, { includeSubmitted: true });
    expect(byCode(o).get('NC')!.evaluation.actual.value).toBe(25);
    expect(byCode(await getOverview(handle.db)).get('NC')!.evaluation.actual.value).toBe(18);
  });

  it('returns the indicators only of the goals asked for, with the same summaries', async () => {
    const o = await getOverview(handle.db, { openGoals: ['G2'] });
    expect(goal(o, 'G1').expanded).toBe(false);
    expect(goal(o, 'G1').indicators).toEqual([]);
    expect(goal(o, 'G1').statusCounts.off_track).toBe(3);
    expect(goal(o, 'G2').expanded).toBe(true);
    expect(goal(o, 'G2').indicators.map((i) => i.code)).toEqual(['KL']);
    const none = await getOverview(handle.db, { openGoals: [] });
    expect(none!.goals.every((g) => g.indicators.length === 0)).toBe(true);
    expect(none!.statusCounts).toEqual(o!.statusCounts);
  });

  it('draws each shown indicator\'s recent quarters like its chart', async () => {
    const o = await getOverview(handle.db);
    expect(o!.sparkPeriods.map((p) => p.end)).toEqual(['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31']);
    const i = byCode(o);
    expect(i.get('NC')!.sparkline).toEqual([15, null, 3, null]);
    expect(i.get('CU')!.sparkline).toEqual([10, 18, 48, 48]);
    expect(i.get('SN')!.sparkline).toEqual([45, 45, 30, 30]);
    expect(i.get('PN')!.sparkline[0]).toBeCloseTo(100 * (40 / 150), 9);
    expect(i.get('PN')!.sparkline.slice(1)).toEqual([null, null, null]);
    expect(byCode(await getOverview(handle.db, { includeSubmitted: true })).get('NC')!.sparkline).toEqual([15, 7, 3, null]);
  });

  it('narrows to a region: only updates of its cities count, targets stay the plan\'s', async () => {
    const maritime = byCode(await getOverview(handle.db, { region: 'maritime' }));
    expect(maritime.get('NC')!.evaluation.actual.value).toBe(13);
    expect(maritime.get('CU')!.evaluation.actual.value).toBe(40);
    expect(maritime.get('SN')!.evaluation.status).toBe('no_data');
    expect(maritime.get('PN')!.evaluation.actual.value).toBeCloseTo(30, 9);
    expect(maritime.get('NC')!.evaluation.targetToDate).toBeCloseTo(100, 9);
    expect(maritime.get('NC')!.sparkline).toEqual([10, null, 3, null]);
    const continental = byCode(await getOverview(handle.db, { region: 'continental' }));
    expect(continental.get('NC')!.evaluation.actual.value).toBe(5);
    expect(continental.get('CU')!.evaluation.actual.value).toBe(8);
    expect(continental.get('PN')!.evaluation.actual.value).toBeCloseTo(20, 9);
    expect(continental.get('KL')!.evaluation.actual.value).toBe(6);
  });

  it('narrows to a cluster: updates for the cluster itself or for its member cities', async () => {
    const k1 = byCode(await getOverview(handle.db, { cluster: fx.clusters.k1 }));
    expect(k1.get('KL')!.evaluation.actual.value).toBe(4);
    expect(k1.get('NC')!.evaluation.actual.value).toBe(13);
    const k2 = byCode(await getOverview(handle.db, { cluster: fx.clusters.k2 }));
    expect(k2.get('KL')!.evaluation.actual.value).toBe(6);
    expect(k2.get('CU')!.evaluation.actual.value).toBe(8);
  });

  it('reads a period range: per-period indicators against the range\'s target, levels at its end', async () => {
    const o = await getOverview(handle.db, { from: '2020-07-01' });
    expect(o!.from).toBe('2020-07-01');
    const i = byCode(o);
    expect(i.get('NC')!.evaluation.actual.value).toBe(3);
    // The range's target: 100 × (366 − 182) / 366 (target to date at 31 Dec minus that at 30 Jun).
    expect(i.get('NC')!.evaluation.targetToDate).toBeCloseTo(100 * share(184), 9);
    expect(i.get('NC')!.evaluation.achievement).toBeCloseTo(3 / (100 * share(184)), 9);
    expect(i.get('CU')!.evaluation.actual.value).toBe(48);
    expect(o!.sparkPeriods.map((p) => p.start)).toEqual(['2020-07-01', '2020-10-01']);
    expect(i.get('NC')!.sparkline).toEqual([3, null]);

    const june = await getOverview(handle.db, { to: '2020-06-30' });
    expect(june!.asOf).toBe('2020-06-30');
    const j = byCode(june);
    expect(j.get('NC')!.evaluation.actual.value).toBe(15);
    expect(j.get('NC')!.evaluation.targetToDate).toBeCloseTo(100 * share(182), 9);
    expect(j.get('CU')!.evaluation.actual.value).toBe(18);
    expect(j.get('CU')!.sparkline).toEqual([10, 18]);
    // A range outside the plan or reversed falls back to the plan's own dates.
    const odd = await getOverview(handle.db, { from: '2021-01-01', to: '2019-01-01' });
    expect(odd!.asOf).toBe('2020-12-31');
    expect(odd!.from).toBeNull();
  });

  it('without filters reads exactly what the summary tables give', async () => {
    const statuses = countedStatuses(false);
    const clock = currentKnowledge('2020-12-31');
    const plain = await planActuals(handle.db, fx.plan.id, clock, statuses);
    // A filter that narrows nothing (every update's city is maritime or continental) goes through the filtered query.
    const [m, c] = await Promise.all([
      planActuals(handle.db, fx.plan.id, clock, statuses, { region: 'maritime' }),
      planActuals(handle.db, fx.plan.id, clock, statuses, { region: 'continental' }),
    ]);
    const nc = fx.indicators.nc.id;
    expect((m.get(nc)?.value ?? 0) + (c.get(nc)?.value ?? 0)).toBe(plain.get(nc)!.value);
    expect(await planActuals(handle.db, fx.plan.id, clock, statuses, {})).toEqual(plain);
  });

  it('names who reported the latest counted update, within the view', async () => {
    const [reporter] = await handle.db.insert(users).values({ email: 'reporter@overview.test', name: 'Rita Reporter', role: 'staff' }).returning();
    // NC's Q3 update (c1, approved) is reported by Rita and is its most recently updated one.
    await handle.db
      .update(progressUpdates)
      .set({ reportedBy: reporter!.id, updatedAt: new Date('2030-01-01T00:00:00Z') })
      .where(and(eq(progressUpdates.indicatorId, fx.indicators.nc.id), eq(progressUpdates.periodStart, '2020-07-01')));
    expect(byCode(await getOverview(handle.db)).get('NC')!.lastReporter).toBe('Rita Reporter');
    // Before Q3 began, that update is not part of the view.
    expect(byCode(await getOverview(handle.db, { to: '2020-06-30' })).get('NC')!.lastReporter).toBeNull();
    expect(byCode(await getOverview(handle.db, { region: 'continental' })).get('NC')!.lastReporter).toBeNull();
  });

  // Last: it adds indicators to the fixture.
  it('shows every goal\'s indicators of a small plan by default, and none of a large one', async () => {
    expect((await getOverview(handle.db))!.goals.every((g) => g.expanded)).toBe(true);
    await handle.db.insert(indicators).values(
      Array.from({ length: EXPAND_ALL_UP_TO }, (_, n) => ({
        planId: fx.plan.id,
        goalId: fx.g2.id,
        code: `BULK${n}`,
        name: `Bulk ${n}`,
        unit: 'count',
        valueKind: 'count' as const,
        accumulation: 'non_cumulative' as const,
        direction: 'increase' as const,
        baselineValue: 0,
        baselineDate: '2019-12-31',
        targetValue: 10,
        targetDate: '2020-12-31',
      })),
    );
    const large = await getOverview(handle.db);
    expect(large!.goals.map((g) => [g.code, g.expanded, g.indicators.length])).toEqual([
      ['G1', false, 0],
      ['G2', false, 0],
    ]);
    // The summaries still cover every indicator: the new ones have no data.
    expect(goal(large, 'G2').indicatorCount).toBe(EXPAND_ALL_UP_TO + 1);
    expect(goal(large, 'G2').statusCounts.no_data).toBe(EXPAND_ALL_UP_TO);
    expect((await getOverview(handle.db, { openGoals: ['G1'] }))!.goals.map((g) => g.indicators.length)).toEqual([4, 0]);
  });
});
