import { asc, count, eq, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DbHandle } from '@/db/client';
import * as schema from '@/db/schema';
import {
  appSettings,
  cities,
  cityStatusHistory,
  goals,
  indicators,
  indicatorTargets,
  progressUpdates,
  progressUpdateVersions,
  supportRequests,
  users,
  workPlans,
} from '@/db/schema';
import { seedDemo, seedDemoIfEmpty, seedWorkPlan2020 } from '@/db/seed';
import { engagedCityCount } from '@/db/seed/cities';
import { DERIVED_KEYS_2020, INDICATORS_2020 } from '@/db/seed/plan-2020';
import { CLUSTERS, clusterMemberCount, clusterStageOn } from '@/db/seed/registries';
import { DEMO_ACCOUNTS, DEMO_EXTRA_STAFF, DEMO_PASSWORD } from '@/db/seed/users';
import { verifyPassword } from '@/lib/auth/password';

type Db = DbHandle['db'];

const TABLES = (Object.entries(schema) as [string, unknown][]).filter((entry): entry is [string, PgTable] =>
  is(entry[1], PgTable),
);

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of TABLES) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = row?.n ?? 0;
  }
  return out;
}

const PERIODS_PER_YEAR = { monthly: 12, quarterly: 4, semiannual: 2, annual: 1 } as const;

describe('seedDemo', () => {
  let h: DbHandle;
  let db: Db;

  beforeAll(async () => {
    h = await openPglite();
    await h.migrate();
    db = h.db;
    await seedDemo(db);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates the demo accounts, which sign in with the demo password', async () => {
    const rows = await db.select().from(users);
    const expected = [...DEMO_ACCOUNTS, ...DEMO_EXTRA_STAFF];
    expect(rows.map((u) => u.email).sort()).toEqual(expected.map((a) => a.email).sort());
    for (const account of expected) {
      const row = rows.find((u) => u.email === account.email)!;
      expect(row.role).toBe(account.role);
      expect(row.status).toBe('active');
    }
    expect(new Set(rows.map((u) => u.role))).toEqual(new Set(['admin', 'staff', 'committee']));
    // One hash, shared.
    expect(new Set(rows.map((u) => u.passwordHash)).size).toBe(1);
    const hash = rows[0]!.passwordHash!;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, 'wrong-password')).toBe(false);
  });

  it('marks the database as demo data with its own as-of date', async () => {
    const settings = new Map((await db.select().from(appSettings)).map((s) => [s.key, s.value]));
    expect(settings.get('demo')).toBe('true');
    expect(settings.get('as_of_date')).toBe('2020-11-15');
    expect(Number.isNaN(Date.parse(settings.get('demo_seeded') ?? ''))).toBe(false);
  });

  it('creates one endorsed 2020 plan with five goals', async () => {
    const plans = await db.select().from(workPlans);
    expect(plans).toHaveLength(1);
    const plan = plans[0]!;
    expect(plan).toMatchObject({ year: 2020, status: 'endorsed', startDate: '2020-01-01', endDate: '2020-12-31', endorsedOn: '2020-05-07' });
    expect(plan.title).toMatch(/demo/i);
    expect(plan.titleZh).toBeTruthy();
    const goalRows = await db.select().from(goals).orderBy(asc(goals.sortOrder));
    expect(goalRows.map((g) => g.code)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
    for (const g of goalRows) expect([g.title, g.titleZh, g.description, g.descriptionZh].every(Boolean)).toBe(true);
  });

  it('has 12–20 indicators covering every accumulation, direction and value kind', async () => {
    const rows = await db.select().from(indicators);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.length).toBeLessThanOrEqual(20);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.accumulation))).toEqual(new Set(['non_cumulative', 'cumulative', 'snapshot']));
    expect(new Set(rows.map((r) => r.direction))).toEqual(new Set(['increase', 'decrease']));
    expect(new Set(rows.map((r) => r.valueKind))).toEqual(new Set(['count', 'percent', 'currency', 'milestone']));
    for (const r of rows) {
      // The registry-count indicators are derived; the rest are logged by staff.
      expect(r.source).toBe(DERIVED_KEYS_2020[r.code] ? 'derived' : 'manual');
      expect(r.derivedKey).toBe(DERIVED_KEYS_2020[r.code] ?? null);
      expect(r.ownerId).not.toBeNull();
      expect(r.baselineDate).toBe('2019-12-31');
      expect(r.targetDate).toBe('2020-12-31');
      expect([r.nameZh, r.description, r.descriptionZh, r.definition, r.meansOfVerification, r.collectionMethod, r.targetRationale].every(Boolean)).toBe(true);
      if (r.valueKind === 'milestone') expect([r.baselineValue, r.targetValue].every((v) => v === 0 || v === 1)).toBe(true);
      if (r.valueKind === 'currency') expect(r.unit).toBe('USD');
    }
  });

  it('gives each indicator one milestone per reporting period, consistent with its accumulation', async () => {
    const inds = await db.select().from(indicators);
    for (const ind of inds) {
      const ts = await db
        .select()
        .from(indicatorTargets)
        .where(eq(indicatorTargets.indicatorId, ind.id))
        .orderBy(asc(indicatorTargets.periodEnd));
      expect(ts, ind.code).toHaveLength(PERIODS_PER_YEAR[ind.frequency]);
      expect(ts[0]!.periodStart).toBe('2020-01-01');
      expect(ts[ts.length - 1]!.periodEnd).toBe('2020-12-31');
      const values = ts.map((t) => t.targetValue);
      if (ind.accumulation === 'non_cumulative') {
        expect(values.reduce((s, v) => s + v, 0), ind.code).toBe(ind.targetValue);
      } else {
        expect(values[values.length - 1], ind.code).toBe(ind.targetValue);
        const sign = ind.direction === 'increase' ? 1 : -1;
        values.forEach((v, i) => {
          const previous = i === 0 ? ind.baselineValue : values[i - 1]!;
          expect(sign * (v - previous), `${ind.code} milestone ${i + 1}`).toBeGreaterThanOrEqual(0);
        });
      }
    }
  });

  it('has about thirty cities with valid coordinates in both regions and a consistent history', async () => {
    const rows = await db.select().from(cities);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.length).toBeLessThanOrEqual(35);
    expect(new Set(rows.map((c) => c.region))).toEqual(new Set(['maritime', 'continental']));
    expect(new Set(rows.map((c) => c.status))).toEqual(new Set(['prospective', 'engaged', 'active', 'inactive']));
    for (const c of rows) {
      expect(c.latitude).not.toBeNull();
      expect(Math.abs(c.latitude!)).toBeLessThanOrEqual(90);
      expect(Math.abs(c.longitude!)).toBeLessThanOrEqual(180);
      expect(c.nameZh).toBeTruthy();
      const history = await db
        .select()
        .from(cityStatusHistory)
        .where(eq(cityStatusHistory.cityId, c.id))
        .orderBy(asc(cityStatusHistory.changedOn), asc(cityStatusHistory.id));
      expect(history.at(-1)?.status, c.name).toBe(c.status);
      if (c.status === 'engaged' || c.status === 'active') expect(c.engagedOn, c.name).not.toBeNull();
    }
  });

  it('covers every support-request status and need category with ordered dates', async () => {
    const rows = await db.select().from(supportRequests);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['received', 'in_progress', 'responded', 'closed']));
    expect(new Set(rows.map((r) => r.category)).size).toBe(6);
    for (const r of rows) {
      if (r.status === 'responded' || r.status === 'closed') expect(r.respondedOn! >= r.receivedOn).toBe(true);
      if (r.status === 'closed') expect(r.closedOn! >= r.respondedOn!).toBe(true);
      if (r.status === 'received' || r.status === 'in_progress') expect(r.respondedOn).toBeNull();
    }
  });

  it('has progress that respects each indicator kind', async () => {
    const inds = new Map((await db.select().from(indicators)).map((i) => [i.id, i]));
    const rows = await db.select().from(progressUpdates).orderBy(asc(progressUpdates.periodEnd), asc(progressUpdates.id));
    const series = new Map<string, typeof rows>();
    for (const u of rows) {
      const ind = inds.get(u.indicatorId)!;
      if (ind.valueKind === 'percent') {
        expect(u.value, ind.code).toBeNull();
        expect(u.numerator! >= 0 && u.denominator! > 0, ind.code).toBe(true);
      } else {
        expect(u.value, ind.code).not.toBeNull();
        expect(u.numerator).toBeNull();
      }
      if (ind.valueKind === 'milestone') expect([0, 1]).toContain(u.value);
      if (u.cityId !== null) expect(ind.disaggregations).toContain('city');
      if (u.clusterId !== null) expect(ind.disaggregations).toContain('cluster');
      if (u.partnerId !== null) expect(ind.disaggregations).toContain('partner');
      if (u.status === 'returned') expect(u.reviewComment).toBeTruthy();
      const key = `${ind.code}|${u.cityId}|${u.clusterId}|${u.partnerId}`;
      series.set(key, [...(series.get(key) ?? []), u]);
    }
    // Cumulative series never go down (running totals; for percent, numerator and denominator both).
    for (const [key, list] of series) {
      const ind = inds.get(list[0]!.indicatorId)!;
      if (ind.accumulation !== 'cumulative') continue;
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1]!, list[i]!];
        if (ind.valueKind === 'percent') {
          expect(b.numerator! >= a.numerator! && b.denominator! >= a.denominator!, key).toBe(true);
        } else {
          expect(b.value! >= a.value!, key).toBe(true);
        }
      }
    }
    const reported = new Set(rows.map((u) => inds.get(u.indicatorId)!.code));
    // Derived indicators are computed from the registries and have no updates.
    expect([...inds.values()].filter((i) => i.source === 'derived' && reported.has(i.code))).toEqual([]);
    const silent = [...inds.values()].filter((i) => i.source === 'manual' && !reported.has(i.code));
    expect(silent.map((i) => i.code)).toEqual(['G5.5']);
    // Every other indicator is reported for Q1–Q3 (or H1 for semiannual ones).
    for (const ind of inds.values()) {
      if (!reported.has(ind.code)) continue;
      const ends = new Set(rows.filter((u) => u.indicatorId === ind.id).map((u) => u.periodEnd));
      const due = ind.frequency === 'semiannual' ? ['2020-06-30'] : ['2020-03-31', '2020-06-30', '2020-09-30'];
      // Partner-disaggregated cumulative indicators report in the quarter each partnership happens.
      if (!ind.disaggregations.includes('partner') || ind.accumulation !== 'cumulative') {
        for (const end of due) expect(ends.has(end), `${ind.code} ${end}`).toBe(true);
      }
    }
    expect(new Set(rows.map((u) => u.status))).toEqual(new Set(['draft', 'submitted', 'approved', 'returned']));
    const corrected = rows.filter((u) => u.version === 2);
    expect(corrected.length).toBeGreaterThanOrEqual(1);
    const versions = await db.select().from(progressUpdateVersions);
    expect(versions.map((v) => v.updateId).sort()).toEqual(corrected.map((u) => u.id).sort());
    expect(versions.every((v) => v.version === 1 && v.reason)).toBe(true);
  });

  it('states baselines that agree with the registries at the end of 2019', () => {
    const baseline = (code: string) => INDICATORS_2020.find((i) => i.code === code)!.baseline;
    const end2019 = '2019-12-31';
    expect(baseline('G1.1')).toBe(engagedCityCount(end2019));
    expect(baseline('G2.1')).toBe(CLUSTERS.filter((c) => ['established', 'functional'].includes(clusterStageOn(c, end2019) ?? '')).length);
    expect(baseline('G2.2')).toBe(CLUSTERS.filter((c) => clusterStageOn(c, end2019) === 'functional').length);
    expect(baseline('G2.3')).toBe(CLUSTERS.reduce((s, c) => s + clusterMemberCount(c, end2019), 0));
  });

  it('changes nothing when run again, and seedDemoIfEmpty declines a seeded database', async () => {
    const before = await rowCounts(db);
    await seedDemo(db);
    expect(await seedDemoIfEmpty(db)).toBe(false);
    expect(await seedWorkPlan2020(db)).toEqual({ planId: (await db.select().from(workPlans))[0]!.id });
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe('seedWorkPlan2020', () => {
  let h: DbHandle;

  beforeAll(async () => {
    h = await openPglite();
    await h.migrate();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates the plan, goals, indicators and targets, with no users and no progress', async () => {
    const { planId } = await seedWorkPlan2020(h.db);
    const counts = await rowCounts(h.db);
    expect(counts).toMatchObject({ workPlans: 1, goals: 5, indicators: INDICATORS_2020.length, users: 0, progressUpdates: 0, cities: 0 });
    expect(counts.indicatorTargets).toBeGreaterThanOrEqual(INDICATORS_2020.length);
    const inds = await h.db.select().from(indicators).where(eq(indicators.planId, planId));
    expect(inds.every((i) => i.ownerId === null)).toBe(true);

    expect(await seedWorkPlan2020(h.db)).toEqual({ planId });
    expect(await rowCounts(h.db)).toEqual(counts);
  });

  it('is not a reason for seedDemoIfEmpty to seed; seedDemo adopts the existing plan and fills its owners', async () => {
    expect(await seedDemoIfEmpty(h.db)).toBe(false);
    await seedDemo(h.db);
    const counts = await rowCounts(h.db);
    expect(counts).toMatchObject({ workPlans: 1, goals: 5, indicators: INDICATORS_2020.length });
    expect(counts.progressUpdates).toBeGreaterThan(0);
    const inds = await h.db.select().from(indicators);
    expect(inds.every((i) => i.ownerId !== null)).toBe(true);
  });
});

describe('seedDemoIfEmpty', () => {
  it('seeds an empty database', async () => {
    const h = await openPglite();
    try {
      await h.migrate();
      expect(await seedDemoIfEmpty(h.db)).toBe(true);
      expect(await seedDemoIfEmpty(h.db)).toBe(false);
      const [row] = await h.db.select({ n: count() }).from(workPlans);
      expect(row?.n).toBe(1);
    } finally {
      await h.close();
    }
  });
});
