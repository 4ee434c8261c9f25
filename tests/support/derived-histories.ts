import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  activities,
  activityCities,
  budgetLines,
  budgetRevisions,
  cities,
  cityStatusHistory,
  clusterMembers,
  clusters,
  clusterStageHistory,
  expenditures,
  meetings,
  partnerCities,
  partners,
  partnerStatusHistory,
  supportRequests,
  workPlans,
} from '@/db/schema';
import type { RegistryModel } from './derived-oracle';

// Random registry histories for the derived-indicator property tests: statuses that go back and forth,
// reactivations, same-day changes, archived rows, members leaving, participants known for some cities only.
// Rows are inserted in order into emptied tables, so their ids are their 1-based positions.

const DAY0 = Date.parse('2019-11-01T00:00:00Z');
// Any day from November 2019 to February 2021, or often one of a few days (same-day changes, the as-of dates
// the test reads at, quarter edges), so ties and boundaries are common.
const dateArb = fc.oneof(
  fc.integer({ min: 0, max: 480 }).map((d) => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom('2020-01-01', '2020-03-31', '2020-04-01', '2020-06-30', '2020-08-15', '2020-11-15'),
);
/** Archived about one time in six. */
const rarely = fc.nat(5).map((n) => n === 0);
const history = <S extends string>(statuses: readonly S[]) =>
  fc.array(fc.record({ status: fc.constantFrom(...statuses), on: dateArb }), { minLength: 1, maxLength: 4 });

export const modelArb: fc.Arbitrary<RegistryModel> = fc
  .record({
    cities: fc.array(fc.record({ region: fc.constantFrom('maritime' as const, 'continental' as const), archived: rarely, history: history(['prospective', 'engaged', 'active', 'inactive'] as const) }), { minLength: 1, maxLength: 6 }),
    partners: fc.array(fc.record({ archived: rarely, via: fc.boolean(), history: history(['prospective', 'active', 'inactive', 'reactivated'] as const), cities: fc.array(fc.nat(5), { maxLength: 3 }) }), { maxLength: 5 }),
    clusters: fc.array(
      fc.record({
        lead: fc.option(fc.nat(5)),
        archived: rarely,
        history: history(['proposed', 'established', 'functional'] as const),
        members: fc.array(fc.record({ city: fc.nat(5), joined: dateArb, stay: fc.option(fc.integer({ min: 0, max: 200 })) }), { maxLength: 4 }),
      }),
      { maxLength: 3 },
    ),
    requests: fc.array(
      fc.record({
        city: fc.nat(5),
        category: fc.constantFrom('ppe', 'medical_supplies', 'digital_services'),
        received: dateArb,
        wait: fc.option(fc.integer({ min: 0, max: 60 })),
        archived: rarely,
      }),
      { maxLength: 8 },
    ),
    activities: fc.array(
      fc.record({
        topic: fc.constantFrom('E-commerce', 'Digital innovation'),
        format: fc.constantFrom('online' as const, 'in_person' as const),
        held: dateArb,
        total: fc.integer({ min: 0, max: 200 }),
        femaleShare: fc.option(fc.integer({ min: 0, max: 100 })),
        archived: rarely,
        cities: fc.array(fc.record({ city: fc.nat(5), known: fc.option(fc.integer({ min: 0, max: 100 })) }), { maxLength: 3 }),
      }),
      { maxLength: 6 },
    ),
    meetings: fc.array(fc.record({ kind: fc.constantFrom('working_level' as const, 'steering_committee' as const), held: dateArb }), { maxLength: 4 }),
    // Budget lines revised up and down (several the same day), and expenditures in other currencies at rates
    // whose products end in half cents, corrected or voided.
    budgetLines: fc.array(
      fc.record({
        source: fc.constantFrom('Donor A', 'Donor B'),
        cents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000_000 })),
        revisions: fc.array(fc.record({ on: dateArb, cents: fc.integer({ min: 0, max: 50_000_000 }) }), { maxLength: 3 }),
      }),
      { maxLength: 4 },
    ),
    expenditures: fc.array(
      fc.record({
        line: fc.nat(3),
        on: dateArb,
        cents: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 9_999_999_999 })),
        rate: fc.constantFrom('1', '0.145', '0.5', '7.1234567891', '0.0000000001'),
        state: fc.constantFrom('current' as const, 'current' as const, 'superseded' as const, 'voided' as const),
      }),
      { maxLength: 10 },
    ),
  })
  .map((r): RegistryModel => {
    const n = r.cities.length;
    const cityId = (i: number) => (i % n) + 1;
    const addDays = (d: string, k: number) => new Date(Date.parse(`${d}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);
    let memberId = 0;
    return {
      cities: r.cities.map((c, i) => ({ id: i + 1, name: `City ${i + 1}`, region: c.region, archived: c.archived, history: c.history })),
      partners: r.partners.map((p, i) => ({ id: i + 1, name: `Partner ${i + 1}`, archived: p.archived, via: p.via, history: p.history, cityIds: [...new Set(p.cities.map(cityId))] })),
      clusters: r.clusters.map((k, i) => ({
        id: i + 1, name: `Cluster ${i + 1}`, leadCityId: k.lead === null ? null : cityId(k.lead), archived: k.archived, history: k.history,
        members: k.members.map((x) => ({ id: ++memberId, cityId: cityId(x.city), joined: x.joined, left: x.stay === null ? null : addDays(x.joined, x.stay) })),
      })),
      requests: r.requests.map((q, i) => ({
        id: i + 1, cityId: cityId(q.city), category: q.category, received: q.received, responded: q.wait === null ? null : addDays(q.received, q.wait), archived: q.archived,
      })),
      activities: r.activities.map((a, i) => {
        // Per-city participants never add up to more than the total (the form and import refuse it).
        let left = a.total;
        const seen = new Set<number>();
        const list = a.cities.flatMap((c) => {
          const id = cityId(c.city);
          if (seen.has(id)) return [];
          seen.add(id);
          const participants = c.known === null ? null : Math.min(c.known, left);
          if (participants !== null) left -= participants;
          return [{ cityId: id, participants }];
        });
        const female = a.femaleShare === null ? null : Math.floor((a.total * a.femaleShare) / 100);
        return { id: i + 1, topic: a.topic, format: a.format, held: a.held, total: a.total, female, archived: a.archived, cities: list };
      }),
      meetings: r.meetings.map((x, i) => ({ id: i + 1, kind: x.kind, held: x.held })),
      budgetLines: r.budgetLines.map((l, i) => ({
        id: i + 1, code: `B${i + 1}`, title: `Line ${i + 1}`, source: l.source, cents: l.cents,
        revisions: [...l.revisions].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
      })),
      expenditures: r.budgetLines.length === 0 ? [] : r.expenditures.map((e, i) => ({ id: i + 1, lineId: (e.line % r.budgetLines.length) + 1, on: e.on, cents: e.cents, rate: e.rate, state: e.state })),
    };
  });

const archivedAt = (archived: boolean) => (archived ? new Date('2020-06-01T00:00:00Z') : null);

const money = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * Empties the registries and the budget (ids restart at 1; emptying meetings empties the plans that cite them) and
 * inserts the model, its budget into a new plan with the given dates; returns that plan's id.
 */
export async function loadModel(db: Db, m: RegistryModel, dates: { startDate: string; endDate: string }): Promise<number> {
  await db.execute(sql`truncate activity_cities, activities, support_request_status_history, support_requests, cluster_members,
    cluster_stage_history, clusters, partner_cities, partner_status_history, partners, city_status_history, cities, meetings,
    expenditures, budget_revisions, budget_lines
    restart identity cascade`);
  const [plan] = await db.insert(workPlans).values({ year: 2020, title: 'Test plan', startDate: dates.startDate, endDate: dates.endDate }).returning({ id: workPlans.id });
  const planId = plan!.id;
  if (m.budgetLines.length > 0) {
    await db.insert(budgetLines).values(
      m.budgetLines.map((l) => ({ planId, code: l.code, title: l.title, fundingSource: l.source, amount: money(l.revisions.at(-1)?.cents ?? l.cents) })),
    );
    const revisions = m.budgetLines.flatMap((l) =>
      l.revisions.map((r, k) => ({ lineId: l.id, oldAmount: money(k === 0 ? l.cents : l.revisions[k - 1]!.cents), newAmount: money(r.cents), effectiveOn: r.on, reason: 'test' })),
    );
    if (revisions.length > 0) await db.insert(budgetRevisions).values(revisions);
  }
  if (m.expenditures.length > 0) {
    const at = new Date('2020-12-01T00:00:00Z');
    await db.insert(expenditures).values(
      m.expenditures.map((e) => ({
        planId, lineId: e.lineId, spentOn: e.on, amount: money(e.cents), currency: e.rate === '1' ? 'USD' : 'CNY', rate: e.rate, description: 'test',
        supersededAt: e.state === 'superseded' ? at : null, voidedAt: e.state === 'voided' ? at : null,
      })),
    );
  }
  await db.insert(cities).values(m.cities.map((c) => ({ name: c.name, country: 'Testland', region: c.region, archivedAt: archivedAt(c.archived) })));
  await db.insert(cityStatusHistory).values(m.cities.flatMap((c) => c.history.map((h) => ({ cityId: c.id, status: h.status as 'engaged', changedOn: h.on }))));
  if (m.partners.length > 0) {
    await db.insert(partners).values(m.partners.map((p) => ({ name: p.name, type: 'ngo' as const, viaNationalPartner: p.via, archivedAt: archivedAt(p.archived) })));
    await db.insert(partnerStatusHistory).values(m.partners.flatMap((p) => p.history.map((h) => ({ partnerId: p.id, status: h.status as 'active', changedOn: h.on }))));
    const links = m.partners.flatMap((p) => p.cityIds.map((cityId) => ({ partnerId: p.id, cityId })));
    if (links.length > 0) await db.insert(partnerCities).values(links);
  }
  if (m.clusters.length > 0) {
    await db.insert(clusters).values(m.clusters.map((k) => ({ name: k.name, sector: 'test', leadCityId: k.leadCityId, archivedAt: archivedAt(k.archived) })));
    await db.insert(clusterStageHistory).values(m.clusters.flatMap((k) => k.history.map((h) => ({ clusterId: k.id, stage: h.status as 'established', changedOn: h.on }))));
    const members = m.clusters.flatMap((k) => k.members.map((x) => ({ clusterId: k.id, cityId: x.cityId, joinedOn: x.joined, leftOn: x.left })));
    if (members.length > 0) await db.insert(clusterMembers).values(members);
  }
  if (m.requests.length > 0) {
    await db.insert(supportRequests).values(
      m.requests.map((q) => ({
        cityId: q.cityId, category: q.category as 'ppe', receivedOn: q.received, respondedOn: q.responded,
        status: q.responded ? ('responded' as const) : ('received' as const), description: 'test', archivedAt: archivedAt(q.archived),
      })),
    );
  }
  if (m.activities.length > 0) {
    await db.insert(activities).values(
      m.activities.map((a) => ({ title: `Activity ${a.id}`, topic: a.topic, format: a.format, heldOn: a.held, participantsTotal: a.total, participantsFemale: a.female, archivedAt: archivedAt(a.archived) })),
    );
    const links = m.activities.flatMap((a) => a.cities.map((c) => ({ activityId: a.id, cityId: c.cityId, participants: c.participants })));
    if (links.length > 0) await db.insert(activityCities).values(links);
  }
  if (m.meetings.length > 0) await db.insert(meetings).values(m.meetings.map((x) => ({ kind: x.kind, heldOn: x.held, title: `Meeting ${x.id}` })));
  return planId;
}
