import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { getOverview, type OverviewIndicator } from '@/db/queries/overview';
import { cities, cityStatusHistory, indicators, progressUpdates } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { engagedCityCount } from '@/db/seed/cities';
import { WORKING_LEVEL_MEETINGS } from '@/db/seed/meetings';
import { DERIVED_KEYS_2020 } from '@/db/seed/plan-2020';
import { DEMO_AS_OF } from '@/db/seed/progress';
import {
  ACTIVITIES,
  CLUSTERS,
  PARTNERS,
  SUPPORT_REQUESTS,
  activityTotal,
  clusterMemberCount,
  clusterStageOn,
  partnerSince,
} from '@/db/seed/registries';
import { createTestDatabase, driverUnderTest } from '../support/db';

// The demo's count-type indicators are derived from the registries, show on the overview like manual ones, and
// follow a registry change on the next read.

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
});

afterAll(async () => {
  await handle?.close();
});

async function overviewIndicators(): Promise<Map<string, OverviewIndicator>> {
  const overview = await getOverview(db);
  return new Map(overview!.goals.flatMap((g) => g.indicators).map((i) => [i.code, i]));
}

describe(`derived indicators in the demo on ${driverUnderTest}`, () => {
  it('are derived, have no progress updates, and say which registry they come from', async () => {
    const derived = await db.select().from(indicators).where(eq(indicators.source, 'derived'));
    expect(derived.map((i) => i.code).sort()).toEqual(Object.keys(DERIVED_KEYS_2020).sort());
    const updates = await db.select({ indicatorId: progressUpdates.indicatorId }).from(progressUpdates);
    const ids = new Set(derived.map((i) => i.id));
    expect(updates.filter((u) => ids.has(u.indicatorId))).toEqual([]);
    const shown = await overviewIndicators();
    expect(shown.get('G1.1')!.derivedFrom).toBe('cities');
    expect(shown.get('G3.2')!.derivedFrom).toBe('support_requests');
    expect(shown.get('G5.4')!.derivedFrom).toBe('meetings');
    expect(shown.get('G3.4')!.derivedFrom).toBeNull();
  });

  it('give the demo figures of 15 November 2020 and a spread of statuses', async () => {
    const shown = await overviewIndicators();
    const value = (code: string) => shown.get(code)!.evaluation.actual.value;
    // The same figures computed from the seed data in TypeScript.
    const inYear = (d: string | null | undefined) => d !== null && d !== undefined && d >= '2020-01-01' && d <= DEMO_AS_OF;
    const stageOn = (stages: string[]) => CLUSTERS.filter((c) => stages.includes(clusterStageOn(c, DEMO_AS_OF) ?? '')).length;
    const online = ACTIVITIES.filter((a) => a.format === 'online' && inYear(a.heldOn));
    expect(value('G1.1')).toBe(engagedCityCount(DEMO_AS_OF));
    expect(value('G1.2')).toBe(PARTNERS.filter((p) => inYear(partnerSince(p))).length);
    expect(value('G1.3')).toBe(PARTNERS.filter((p) => p.history.some(([s, on]) => s === 'reactivated' && inYear(on))).length);
    expect(value('G1.4')).toBe(PARTNERS.filter((p) => p.viaCicete && inYear(partnerSince(p))).length);
    expect(value('G2.1')).toBe(stageOn(['established', 'functional']));
    expect(value('G2.2')).toBe(stageOn(['functional']));
    expect(value('G2.3')).toBe(CLUSTERS.reduce((n, c) => n + clusterMemberCount(c, DEMO_AS_OF), 0));
    expect(value('G3.1')).toBe(SUPPORT_REQUESTS.filter((r) => inYear(r.respondedOn)).length);
    expect(value('G4.1')).toBe(online.length);
    expect(value('G4.2')).toBe(online.reduce((n, a) => n + activityTotal(a), 0));
    expect(value('G5.4')).toBe(WORKING_LEVEL_MEETINGS.filter((m) => inYear(m.heldOn)).length);
    const statuses = new Set([...shown.values()].map((i) => i.evaluation.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    for (const code of Object.keys(DERIVED_KEYS_2020)) expect(shown.get(code)!.evaluation.status, code).not.toBe('no_data');
  });

  it('follow a registry change on the next read', async () => {
    const before = (await overviewIndicators()).get('G1.1')!.evaluation.actual.value!;
    const [muscat] = await db.select().from(cities).where(eq(cities.name, 'Muscat'));
    await db.insert(cityStatusHistory).values({ cityId: muscat!.id, status: 'engaged', changedOn: '2020-11-10' });
    expect((await overviewIndicators()).get('G1.1')!.evaluation.actual.value).toBe(before + 1);
  });
});
