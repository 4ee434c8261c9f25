import type { Db } from '@/db/client';
import { progressUpdates, progressUpdateVersions } from '@/db/schema';
import type { UpdateStatus } from '@/db/read-model';
import { insertCities, insertIndicator, insertPlan } from '../support/fixtures';

/**
 * The charts' fixture: a 2020 plan with quarterly indicators of every accumulation kind, a percent indicator
 * across cities, a decreasing snapshot, missing periods, submitted-but-not-approved updates, a withdrawn one,
 * and two changes made late in the year (an approval and a correction) that "as of" earlier dates must ignore.
 * Every update is created five days after its period ends unless said otherwise.
 */
export async function insertChartsFixture(db: Db) {
  const { plan, goal } = await insertPlan(db);
  const [c1, c2, c3] = (await insertCities(db, 3)).map((c) => c.id) as [number, number, number];
  const ids = { planId: plan.id, goalId: goal.id };
  const nc = await insertIndicator(db, ids, { code: 'NC', accumulation: 'non_cumulative', target: 100 });
  const cu = await insertIndicator(db, ids, { code: 'CU', accumulation: 'cumulative', target: 60 });
  const sn = await insertIndicator(db, ids, {
    code: 'SN',
    accumulation: 'snapshot',
    valueKind: 'currency',
    direction: 'decrease',
    baseline: 50,
    target: 20,
  });
  const pn = await insertIndicator(db, ids, { code: 'PN', accumulation: 'non_cumulative', valueKind: 'percent', target: 50 });

  const quarter = (q: 1 | 2 | 3 | 4) =>
    (
      ({
        1: ['2020-01-01', '2020-03-31', '2020-04-05'],
        2: ['2020-04-01', '2020-06-30', '2020-07-05'],
        3: ['2020-07-01', '2020-09-30', '2020-10-05'],
        4: ['2020-10-01', '2020-12-31', '2021-01-05'],
      }) as const
    )[q];
  async function add(
    indicatorId: number,
    q: 1 | 2 | 3 | 4,
    figure: { value?: number; numerator?: number; denominator?: number },
    cityId: number | null,
    status: UpdateStatus = 'approved',
  ) {
    const [start, end, created] = quarter(q);
    const [row] = await db
      .insert(progressUpdates)
      .values({
        indicatorId,
        periodStart: start,
        periodEnd: end,
        value: figure.value ?? null,
        numerator: figure.numerator ?? null,
        denominator: figure.denominator ?? null,
        cityId,
        status,
        createdAt: new Date(`${created}T09:00:00Z`),
      })
      .returning();
    return row!;
  }
  /** A later change: the previous state goes to progress_update_versions at `on`, as the app does. */
  async function changedOn(update: typeof progressUpdates.$inferSelect, on: string, previous: { value?: number; status?: UpdateStatus }) {
    await db.insert(progressUpdateVersions).values({
      updateId: update.id,
      version: 1,
      value: previous.value ?? update.value,
      numerator: update.numerator,
      denominator: update.denominator,
      periodStart: update.periodStart,
      periodEnd: update.periodEnd,
      cityId: update.cityId,
      status: previous.status ?? update.status,
      createdAt: new Date(`${on}T09:00:00Z`),
    });
  }

  // NC: Q1 10 (c1) + 5 (c2, approved only on 5 Nov); Q2 only a submitted 7; Q3 3; Q4 nothing.
  await add(nc.id, 1, { value: 10 }, c1);
  const lateApproval = await add(nc.id, 1, { value: 5 }, c2);
  await changedOn(lateApproval, '2020-11-05', { status: 'submitted' });
  await add(nc.id, 2, { value: 7 }, c1, 'submitted');
  await add(nc.id, 3, { value: 3 }, c1);

  // CU: running totals per city. c1 Q1 10, Q3 40 (reported 25 on 5 Oct, corrected to 40 on 10 Nov); c2 Q2 8;
  // c3's 100 was withdrawn.
  await add(cu.id, 1, { value: 10 }, c1);
  await add(cu.id, 2, { value: 8 }, c2);
  await add(cu.id, 2, { value: 100 }, c3, 'withdrawn');
  const corrected = await add(cu.id, 3, { value: 40 }, c1);
  await changedOn(corrected, '2020-11-10', { value: 25 });

  // SN: a decreasing level with no city: Q1 45, Q2 missing, Q3 30.
  await add(sn.id, 1, { value: 45 }, null);
  await add(sn.id, 3, { value: 30 }, null);

  // PN: percent across cities, recomputed from sums: Q1 (30 + 10) / (100 + 50) = 26.67 %, not the mean 25 %.
  await add(pn.id, 1, { numerator: 30, denominator: 100 }, c1);
  await add(pn.id, 1, { numerator: 10, denominator: 50 }, c2);

  return { plan, goal, cities: { c1, c2, c3 }, indicators: { nc, cu, sn, pn } };
}
