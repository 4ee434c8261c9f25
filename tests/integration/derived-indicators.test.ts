import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { derivedActualsToDate, derivedIndicatorSeries, derivedKeys, type DerivedIndicator } from '@/db/queries/derived';
import {
  activities,
  cities,
  cityStatusHistory,
  clusterMembers,
  clusterStageHistory,
  clusters,
  meetings,
  partners,
  partnerStatusHistory,
  supportRequests,
} from '@/db/schema';
import { periodsBetween } from '@/lib/periods';
import type { Accumulation } from '@/lib/progress/types';
import { createTestDatabase, driverUnderTest } from '../support/db';

// Each derived indicator's value per quarter of 2020, as of 15 November, against values computed by hand from
// the small fixture below: statuses that go back and forth, same-day changes, records created after a period,
// archived records, and events after the as-of date.

let handle: DbHandle;
let db: Db;
const plan = { startDate: '2020-01-01', endDate: '2020-12-31' };
const asOf = '2020-11-15';
const quarters = periodsBetween('quarterly', plan.startDate, plan.endDate);

type CityStatus = 'prospective' | 'engaged' | 'active' | 'inactive';
type PartnerStatus = 'prospective' | 'active' | 'inactive' | 'reactivated';
type Stage = 'proposed' | 'established' | 'functional';

async function city(name: string, history: [CityStatus, string][], archived = false) {
  const [row] = await db
    .insert(cities)
    .values({ name, country: 'Testland', region: 'maritime', status: history.at(-1)![0], archivedAt: archived ? new Date() : null })
    .returning();
  await db.insert(cityStatusHistory).values(history.map(([status, changedOn]) => ({ cityId: row!.id, status, changedOn })));
  return row!.id;
}

async function partner(name: string, history: [PartnerStatus, string][], viaNationalPartner = false) {
  const [row] = await db.insert(partners).values({ name, type: 'ngo', status: history.at(-1)![0], viaNationalPartner }).returning();
  await db.insert(partnerStatusHistory).values(history.map(([status, changedOn]) => ({ partnerId: row!.id, status, changedOn })));
}

async function cluster(name: string, stages: [Stage, string][], members: [number, string, string?][]) {
  const [row] = await db.insert(clusters).values({ name, sector: 'test', stage: stages.at(-1)![0] }).returning();
  await db.insert(clusterStageHistory).values(stages.map(([stage, changedOn]) => ({ clusterId: row!.id, stage, changedOn })));
  if (members.length > 0) {
    await db.insert(clusterMembers).values(members.map(([cityId, joinedOn, leftOn]) => ({ clusterId: row!.id, cityId, joinedOn, leftOn: leftOn ?? null })));
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  // Cities: A goes engaged → inactive → engaged; B engaged then active; C is created after Q3; D is archived;
  // E has two changes on the same day (the later one, inactive, wins).
  const a = await city('A', [['prospective', '2019-06-01'], ['engaged', '2020-02-10'], ['inactive', '2020-05-05'], ['engaged', '2020-08-01']]);
  const b = await city('B', [['prospective', '2019-01-01'], ['engaged', '2019-03-01'], ['active', '2020-04-15']]);
  const c = await city('C', [['prospective', '2020-10-01'], ['engaged', '2020-11-01']]);
  await city('D', [['engaged', '2019-05-01']], true);
  await city('E', [['engaged', '2020-03-01'], ['inactive', '2020-03-01']]);

  await partner('P1', [['active', '2018-01-01'], ['inactive', '2019-06-01'], ['reactivated', '2020-05-10']]);
  await partner('P2', [['prospective', '2020-01-10'], ['active', '2020-02-20']], true);
  await partner('P3', [['prospective', '2020-03-01'], ['active', '2020-07-07'], ['inactive', '2020-08-01'], ['reactivated', '2020-09-01']]);
  await partner('P4', [['active', '2020-12-01']]);

  // K2 steps back from established to proposed; B leaves K1 on 30 June (not a member that day).
  await cluster('K1', [['proposed', '2019-10-01'], ['established', '2020-03-15'], ['functional', '2020-08-20']], [[a, '2019-10-01'], [b, '2020-02-01', '2020-06-30'], [c, '2020-10-01']]);
  await cluster('K2', [['proposed', '2020-01-05'], ['established', '2020-05-01'], ['proposed', '2020-07-01']], [[b, '2020-07-01']]);

  const request = (receivedOn: string, respondedOn: string | null, archived = false) => ({
    cityId: a, category: 'ppe' as const, receivedOn, respondedOn, status: respondedOn ? ('responded' as const) : ('received' as const),
    description: 'test', archivedAt: archived ? new Date() : null,
  });
  await db.insert(supportRequests).values([
    request('2020-02-01', '2020-02-20'), // 19 days
    request('2020-03-10', '2020-04-20'), // 41 days
    request('2020-05-01', '2020-05-31'), // 30 days: within
    request('2020-09-01', null),
    request('2020-10-01', '2020-11-20'), // after the as-of date
    request('2020-02-01', '2020-02-02', true), // archived
  ]);
  const activity = (heldOn: string, format: 'online' | 'in_person', total: number, female: number | null) => ({
    title: `Activity ${heldOn}`, topic: 'E-commerce', format, heldOn, participantsTotal: total, participantsFemale: female,
  });
  await db.insert(activities).values([
    activity('2020-06-18', 'online', 100, 40),
    activity('2020-07-23', 'online', 50, null),
    activity('2020-01-09', 'in_person', 45, 20),
    activity('2020-11-20', 'online', 30, 15),
  ]);
  await db.insert(meetings).values([
    { kind: 'working_level', heldOn: '2020-06-18', title: 'WL 1' },
    { kind: 'working_level', heldOn: '2020-08-20', title: 'WL 2' },
    { kind: 'steering_committee', heldOn: '2020-05-07', title: 'SC' },
    { kind: 'working_level', heldOn: '2021-01-10', title: 'WL next year' },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

const indicator = (derivedKey: string, accumulation: Accumulation): DerivedIndicator => ({ id: 1, planId: 0, derivedKey, accumulation, frequency: 'quarterly' });

async function values(key: string, accumulation: Accumulation) {
  const rows = await derivedIndicatorSeries(db, indicator(key, accumulation), plan, quarters, asOf);
  return rows.map((r) => r.value);
}

async function fractions(key: string, accumulation: Accumulation) {
  const rows = await derivedIndicatorSeries(db, indicator(key, accumulation), plan, quarters, asOf);
  return rows.map((r) => [r.numerator, r.denominator]);
}

async function toDate(key: string, accumulation: Accumulation) {
  const map = await derivedActualsToDate(db, plan, asOf, [indicator(key, accumulation)]);
  return map.get(1)!;
}

describe(`derived indicators on ${driverUnderTest}`, () => {
  it('counts cities engaged or active at each quarter end from the dated history', async () => {
    expect(await values('cities_engaged', 'snapshot')).toEqual([2, 1, 2, 3]);
    expect((await toDate('cities_engaged', 'snapshot')).value).toBe(3);
  });

  it('counts partnerships active, new (also via the national partner) and reactivated', async () => {
    expect(await values('partnerships_active', 'snapshot')).toEqual([1, 2, 3, 3]);
    expect(await values('partnerships_new', 'cumulative')).toEqual([1, 1, 2, 2]);
    expect(await values('partnerships_new_via_national_partner', 'cumulative')).toEqual([1, 1, 1, 1]);
    expect(await values('partners_reactivated', 'cumulative')).toEqual([0, 1, 2, 2]);
    expect(await values('partners_reactivated', 'non_cumulative')).toEqual([0, 1, 1, 0]);
    expect((await toDate('partnerships_new', 'cumulative')).value).toBe(2);
  });

  it('counts clusters established and functional, and memberships, including a step back', async () => {
    expect(await values('clusters_established', 'snapshot')).toEqual([1, 2, 1, 1]);
    expect(await values('clusters_functional', 'snapshot')).toEqual([0, 0, 1, 1]);
    expect(await values('cluster_memberships', 'snapshot')).toEqual([2, 1, 2, 3]);
  });

  it('counts COVID-19 requests responded to, the share within 30 days and the mean days', async () => {
    expect(await values('covid_requests_responded', 'non_cumulative')).toEqual([1, 2, 0, 0]);
    expect((await toDate('covid_requests_responded', 'non_cumulative')).value).toBe(3);
    expect(await fractions('covid_requests_responded_within_30_days', 'cumulative')).toEqual([[1, 1], [2, 3], [2, 3], [2, 3]]);
    const share = await toDate('covid_requests_responded_within_30_days', 'cumulative');
    expect([share.numerator, share.denominator, share.value]).toEqual([2, 3, null]);
    expect(await values('covid_response_days_mean', 'snapshot')).toEqual([19, 35.5, null, null]);
  });

  it('counts online trainings, people trained online and the share of women', async () => {
    expect(await values('online_trainings_held', 'non_cumulative')).toEqual([0, 1, 1, 0]);
    expect(await values('people_trained_online', 'non_cumulative')).toEqual([0, 100, 50, 0]);
    expect((await toDate('people_trained_online', 'non_cumulative')).value).toBe(150);
    expect(await fractions('online_participants_women_share', 'cumulative')).toEqual([[0, 0], [40, 100], [40, 100], [40, 100]]);
  });

  it('counts working-level meetings only', async () => {
    expect(await values('working_level_meetings', 'non_cumulative')).toEqual([0, 1, 1, 0]);
    expect((await toDate('working_level_meetings', 'non_cumulative')).value).toBe(2);
  });

  it('gives no reading for periods that have not begun, and none for an unknown key', async () => {
    const early = await derivedIndicatorSeries(db, indicator('cities_engaged', 'snapshot'), plan, quarters, '2020-05-01');
    // Q2 is read on 1 May, before A became inactive (5 May): A and B.
    expect(early.map((r) => [r.value, r.reported])).toEqual([[2, true], [2, true], [null, false], [null, false]]);
    const unknown = await derivedIndicatorSeries(db, indicator('no_such_query', 'snapshot'), plan, quarters, asOf);
    expect(unknown.every((r) => r.value === null && !r.reported)).toBe(true);
    expect((await derivedActualsToDate(db, plan, asOf, [indicator('no_such_query', 'snapshot')])).size).toBe(0);
  });

  it('runs every named query without error', async () => {
    for (const key of derivedKeys) {
      const rows = await derivedIndicatorSeries(db, indicator(key, 'cumulative'), plan, quarters, asOf);
      expect(rows).toHaveLength(4);
    }
  });
});
