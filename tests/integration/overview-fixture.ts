import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  cities,
  cityStatusHistory,
  clusterMembers,
  clusters,
  clusterStageHistory,
  goals,
  partnerCities,
  partners,
  partnerStatusHistory,
  progressUpdates,
  supportRequests,
} from '@/db/schema';
import { insertIndicator } from '../support/fixtures';
import { insertChartsFixture } from './charts-fixture';

/**
 * The overview's fixture: the charts' fixture (every accumulation kind, percent across cities, a decreasing
 * snapshot, missing periods, submitted and withdrawn updates), with
 * - c1 maritime, c2 continental, c3 maritime; cluster K1 (member c1 from 1 Jan) and K2 (member c2);
 * - a second goal G2 with one per-period indicator KL: Q1 4 for cluster K1 (no city) and 6 for city c2;
 * - registry histories, so the tiles have dated states:
 *   cities: c1 engaged 1 Feb; c2 engaged 1 Mar, inactive 1 Oct; c3 prospective 15 Jan, active 20 Nov;
 *   partners: P1 (c1) active 1 Feb; P2 (c2) active 1 May, inactive 1 Sep, reactivated 1 Nov;
 *   clusters: K1 functional 1 Apr; K2 established 1 Mar, functional 1 Dec;
 *   requests: r1 c1 responded 20 Mar; r2 c2 responded 15 Jul; r3 c3 responded 25 Nov; r4 c1 not responded;
 *   r5 c1 responded 1 Jun but archived.
 */
export async function insertOverviewFixture(db: Db) {
  const fx = await insertChartsFixture(db);
  const { c1, c2, c3 } = fx.cities;
  await db.update(cities).set({ region: 'continental' }).where(eq(cities.id, c2));

  const [k1, k2] = await db
    .insert(clusters)
    .values([
      { name: 'Overview cluster K1', sector: 'ports' },
      { name: 'Overview cluster K2', sector: 'health' },
    ])
    .returning();
  await db.insert(clusterMembers).values([
    { clusterId: k1!.id, cityId: c1, joinedOn: '2020-01-01' },
    { clusterId: k2!.id, cityId: c2, joinedOn: '2020-01-01' },
  ]);
  await db.insert(clusterStageHistory).values([
    { clusterId: k1!.id, stage: 'functional', changedOn: '2020-04-01' },
    { clusterId: k2!.id, stage: 'established', changedOn: '2020-03-01' },
    { clusterId: k2!.id, stage: 'functional', changedOn: '2020-12-01' },
  ]);

  const [g2] = await db.insert(goals).values({ planId: fx.plan.id, code: 'G2', title: 'Second goal', sortOrder: 2 }).returning();
  const kl = await insertIndicator(db, { planId: fx.plan.id, goalId: g2!.id }, { code: 'KL', accumulation: 'non_cumulative', target: 40 });
  await db.insert(progressUpdates).values([
    { indicatorId: kl.id, periodStart: '2020-01-01', periodEnd: '2020-03-31', value: 4, clusterId: k1!.id, status: 'approved' },
    { indicatorId: kl.id, periodStart: '2020-01-01', periodEnd: '2020-03-31', value: 6, cityId: c2, status: 'approved' },
  ]);

  await db.insert(cityStatusHistory).values([
    { cityId: c1, status: 'engaged', changedOn: '2020-02-01' },
    { cityId: c2, status: 'engaged', changedOn: '2020-03-01' },
    { cityId: c2, status: 'inactive', changedOn: '2020-10-01' },
    { cityId: c3, status: 'prospective', changedOn: '2020-01-15' },
    { cityId: c3, status: 'active', changedOn: '2020-11-20' },
  ]);
  const [p1, p2] = await db
    .insert(partners)
    .values([
      { name: 'Overview partner P1', type: 'ngo' },
      { name: 'Overview partner P2', type: 'academia' },
    ])
    .returning();
  await db.insert(partnerCities).values([
    { partnerId: p1!.id, cityId: c1 },
    { partnerId: p2!.id, cityId: c2 },
  ]);
  await db.insert(partnerStatusHistory).values([
    { partnerId: p1!.id, status: 'active', changedOn: '2020-02-01' },
    { partnerId: p2!.id, status: 'active', changedOn: '2020-05-01' },
    { partnerId: p2!.id, status: 'inactive', changedOn: '2020-09-01' },
    { partnerId: p2!.id, status: 'reactivated', changedOn: '2020-11-01' },
  ]);
  const request = (cityId: number, receivedOn: string, respondedOn: string | null, archived = false) => ({
    cityId,
    category: 'ppe' as const,
    receivedOn,
    respondedOn,
    status: respondedOn ? ('responded' as const) : ('received' as const),
    description: 'overview fixture',
    archivedAt: archived ? new Date('2020-12-01T00:00:00Z') : null,
  });
  await db
    .insert(supportRequests)
    .values([
      request(c1, '2020-03-01', '2020-03-20'),
      request(c2, '2020-06-01', '2020-07-15'),
      request(c3, '2020-10-01', '2020-11-25'),
      request(c1, '2020-11-01', null),
      request(c1, '2020-05-01', '2020-06-01', true),
    ]);
  return { ...fx, clusters: { k1: k1!.id, k2: k2!.id }, g2: g2!, kl };
}
