import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { derivedActualsToDate } from '@/db/queries/derived';
import { clusterOptions, registryTiles } from '@/db/read-model';
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

const plan = { startDate: '2020-01-01', endDate: '2020-12-31' };

describe(`the overview's registry tiles (${driverUnderTest})`, () => {
  it('count, hand-computed, as the registries stood at the end of the year', async () => {
    expect(await registryTiles(handle.db, { from: '2020-01-01', asOf: '2020-12-31' })).toEqual({
      citiesEngaged: 2, // c1 engaged, c3 active; c2 inactive since 1 Oct
      partnerships: 2, // P1 active, P2 reactivated
      clustersFunctional: 2, // K1, K2 (since 1 Dec)
      requestsResponded: 3, // r1, r2, r3; r4 open, r5 archived
    });
  });

  it('ignore changes made after an earlier "as of" date', async () => {
    expect(await registryTiles(handle.db, { from: '2020-01-01', asOf: '2020-06-30' })).toEqual({
      citiesEngaged: 2,
      partnerships: 2,
      clustersFunctional: 1,
      requestsResponded: 1,
    });
    expect(await registryTiles(handle.db, { from: '2020-01-01', asOf: '2020-09-30' })).toEqual({
      citiesEngaged: 2,
      partnerships: 1,
      clustersFunctional: 1,
      requestsResponded: 2,
    });
  });

  it('narrow to a period range, a region and a cluster', async () => {
    expect((await registryTiles(handle.db, { from: '2020-07-01', asOf: '2020-12-31' })).requestsResponded).toBe(2);
    expect(await registryTiles(handle.db, { from: '2020-01-01', asOf: '2020-12-31' }, { region: 'maritime' })).toEqual({
      citiesEngaged: 2,
      partnerships: 1,
      clustersFunctional: 1,
      requestsResponded: 2,
    });
    expect(await registryTiles(handle.db, { from: '2020-01-01', asOf: '2020-12-31' }, { region: 'continental' })).toEqual({
      citiesEngaged: 0,
      partnerships: 1,
      clustersFunctional: 1,
      requestsResponded: 1,
    });
    expect(await registryTiles(handle.db, { from: '2020-01-01', asOf: '2020-12-31' }, { cluster: fx.clusters.k1 })).toEqual({
      citiesEngaged: 1,
      partnerships: 1,
      clustersFunctional: 1,
      requestsResponded: 1,
    });
  });

  it('equal the derived indicators computed from the same registries', async () => {
    const keys = [
      { id: 1, derivedKey: 'cities_engaged', accumulation: 'snapshot' as const },
      { id: 2, derivedKey: 'partnerships_active', accumulation: 'snapshot' as const },
      { id: 3, derivedKey: 'clusters_functional', accumulation: 'snapshot' as const },
      { id: 4, derivedKey: 'covid_requests_responded', accumulation: 'cumulative' as const },
    ].map((k) => ({ ...k, planId: 0, frequency: 'quarterly' as const }));
    for (const asOf of ['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31']) {
      const derived = await derivedActualsToDate(handle.db, plan, asOf, keys);
      const tiles = await registryTiles(handle.db, { from: plan.startDate, asOf });
      expect([tiles.citiesEngaged, tiles.partnerships, tiles.clustersFunctional, tiles.requestsResponded], asOf).toEqual(
        [1, 2, 3, 4].map((id) => derived.get(id)?.value ?? 0),
      );
    }
  });

  it('list the clusters to filter by', async () => {
    const options = await clusterOptions(handle.db);
    expect(options.map((c) => c.id)).toEqual(expect.arrayContaining([fx.clusters.k1, fx.clusters.k2]));
  });
});
