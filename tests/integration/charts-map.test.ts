import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { cityCard, mapCities } from '@/db/read-model';
import { cities, clusterMembers, partnerCities, partners, supportRequests } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertCities, insertClusters } from '../support/fixtures';

let handle: DbHandle;
let ids: number[];

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  ids = (await insertCities(db, 2)).map((c) => c.id);
  await db.insert(cities).values({ name: 'Inland', country: 'Testland', region: 'continental', latitude: 40, longitude: 80 });
  const [k1, k2] = await insertClusters(db, 2);
  const [p1, p2] = await db
    .insert(partners)
    .values([
      { name: 'P1', type: 'ngo' },
      { name: 'P2', type: 'academia' },
    ])
    .returning();
  await db.insert(partnerCities).values([
    { partnerId: p1!.id, cityId: ids[0]! },
    { partnerId: p2!.id, cityId: ids[0]! },
  ]);
  await db.insert(clusterMembers).values([
    { clusterId: k1!.id, cityId: ids[0]!, joinedOn: '2020-02-01' },
    // A city that left a cluster no longer counts for it.
    { clusterId: k2!.id, cityId: ids[0]!, joinedOn: '2020-02-01', leftOn: '2020-06-01' },
  ]);
  await db.insert(supportRequests).values({ cityId: ids[0]!, category: 'ppe', receivedOn: '2020-04-01', description: 'Masks' });
});

afterAll(async () => {
  await handle?.close();
});

describe(`map of cities (${driverUnderTest})`, () => {
  it('counts partnerships, current clusters and requests per city, and filters by region', async () => {
    const all = await mapCities(handle.db);
    const first = all.find((c) => c.id === ids[0])!;
    expect([first.partnerships, first.clusters, first.requests]).toEqual([2, 1, 1]);
    expect(all).toHaveLength(3);
    const continental = await mapCities(handle.db, 'continental');
    expect(continental.map((c) => c.name)).toEqual(['Inland']);
  });

  it("builds a city's card: clusters it belongs to now and its requests", async () => {
    const card = await cityCard(handle.db, ids[0]!);
    expect(card.clusters.map((k) => k.name)).toEqual(['Cluster 1']);
    expect(card.requests.map((r) => [r.category, r.status])).toEqual([['ppe', 'received']]);
  });
});
