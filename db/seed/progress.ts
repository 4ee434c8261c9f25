import { addDays, daysBetween } from '../../lib/periods';
import type { Db } from '../client';
import { progressUpdates, progressUpdateVersions } from '../schema';
import { engagedCityCount } from './cities';
import { INDICATORS_2020 } from './plan-2020';
import {
  ACTIVITIES,
  CLUSTERS,
  PARTNERS,
  SUPPORT_REQUESTS,
  activityTotal,
  clusterMemberCount,
  clusterStageOn,
  partnerSince,
} from './registries';
import { WORKING_LEVEL_MEETINGS } from './meetings';
import { ADMIN, STAFF, userId, type UserIds } from './users';

// Progress updates of the demo, Q1–Q3 2020 and part of Q4 (the demo's as-of date is 15 November 2020). Where an
// indicator counts something a registry holds, its values are computed from the registry data so the two agree.

export const DEMO_AS_OF = '2020-11-15';

type UpdateStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface UpdateSeed {
  code: string;
  start: string;
  end: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  city?: string;
  cluster?: string;
  partner?: string;
  status: UpdateStatus;
  reportedOn: string;
  note?: string;
  reviewComment?: string;
  /** Who entered it, when not the indicator's owner (someone logging on the owner's behalf). */
  reporter?: string;
  /** The first version's figures, replaced on `correctedOn` by the ones above (version 2). */
  correction?: { value?: number; numerator?: number; denominator?: number; reason: string; correctedOn: string };
}

interface Quarter {
  q: 1 | 2 | 3 | 4;
  start: string;
  end: string;
  /** The day the quarter's figures were reported; for Q4 the figures are "to date". */
  reportedOn: string;
  /** The date the figures describe: the quarter's end, or the as-of date for the quarter in progress. */
  at: string;
}

export const QUARTERS: readonly Quarter[] = [
  { q: 1, start: '2020-01-01', end: '2020-03-31', reportedOn: '2020-04-08', at: '2020-03-31' },
  { q: 2, start: '2020-04-01', end: '2020-06-30', reportedOn: '2020-07-08', at: '2020-06-30' },
  { q: 3, start: '2020-07-01', end: '2020-09-30', reportedOn: '2020-10-09', at: '2020-09-30' },
  { q: 4, start: '2020-10-01', end: '2020-12-31', reportedOn: '2020-11-10', at: DEMO_AS_OF },
];
const [Q1, Q2, Q3, Q4] = QUARTERS as [Quarter, Quarter, Quarter, Quarter];
const H1 = { start: '2020-01-01', end: '2020-06-30', reportedOn: '2020-07-10' };

const quarterOf = (date: string): Quarter => QUARTERS.find((q) => q.start <= date && date <= q.end)!;
/** Updates for Q1–Q3 are approved; the quarter in progress gets the status given. */
const statusIn = (q: Quarter, q4: UpdateStatus): UpdateStatus => (q.q === 4 ? q4 : 'approved');
const upd = (code: string, q: Quarter, fields: Partial<UpdateSeed>, q4: UpdateStatus = 'submitted'): UpdateSeed => ({
  code, start: q.start, end: q.end, status: statusIn(q, q4), reportedOn: q.reportedOn, ...fields,
});

function cityUpdates(): UpdateSeed[] {
  return QUARTERS.map((q) => upd('G1.1', q, { value: engagedCityCount(q.at) }, 'draft'));
}

function partnerUpdates(): UpdateSeed[] {
  const out: UpdateSeed[] = [];
  for (const p of PARTNERS) {
    const since = partnerSince(p);
    if (since && since >= Q1.start) {
      out.push(upd('G1.2', quarterOf(since), { partner: p.name, value: 1, note: `Agreement signed on ${since}.` }));
      if (p.viaCicete) out.push(upd('G1.4', quarterOf(since), { partner: p.name, value: 1, note: 'Introduced by CICETE.' }));
    }
    const reactivated = p.history.find(([s, on]) => s === 'reactivated' && on >= Q1.start)?.[1];
    if (reactivated) out.push(upd('G1.3', quarterOf(reactivated), { partner: p.name, value: 1, note: `Joint work resumed on ${reactivated}.` }));
  }
  return out;
}

function clusterUpdates(): UpdateSeed[] {
  const out: UpdateSeed[] = [];
  for (const q of [Q1, Q2, Q3]) {
    const established = CLUSTERS.filter((c) => ['established', 'functional'].includes(clusterStageOn(c, q.at) ?? '')).length;
    out.push(upd('G2.1', q, { value: established }));
  }
  for (const q of QUARTERS) {
    out.push(upd('G2.2', q, { value: CLUSTERS.filter((c) => clusterStageOn(c, q.at) === 'functional').length }));
  }
  for (const q of [Q1, Q2, Q3]) {
    for (const c of CLUSTERS) {
      const n = clusterMemberCount(c, q.at);
      if (n === 0) continue;
      const heritageSlip = q === Q3 && c.name === 'Cultural Heritage Cluster';
      out.push(
        heritageSlip
          ? upd('G2.3', q, {
              cluster: c.name, value: n + 1, status: 'returned',
              reviewComment: 'Tashkent left this cluster on 1 July 2020 (it moved to the e-commerce cluster); please report the members at 30 September.',
            })
          : upd('G2.3', q, { cluster: c.name, value: n }),
      );
    }
  }
  return out;
}

function requestUpdates(): UpdateSeed[] {
  const out: UpdateSeed[] = [];
  const responded = SUPPORT_REQUESTS.filter((r) => r.respondedOn !== undefined);
  const days = (r: (typeof responded)[number]) => daysBetween(r.receivedOn, r.respondedOn!);
  for (const q of QUARTERS) {
    const inQuarter = responded.filter((r) => r.respondedOn! >= q.start && r.respondedOn! <= q.at);
    const byCity = new Map<string, number>();
    for (const r of inQuarter) byCity.set(r.city, (byCity.get(r.city) ?? 0) + 1);
    for (const [city, n] of byCity) out.push(upd('G3.1', q, { city, value: n }));
    if (inQuarter.length > 0) {
      const mean = inQuarter.reduce((s, r) => s + days(r), 0) / inQuarter.length;
      out.push(upd('G3.3', q, { value: Math.round(mean * 10) / 10, note: `${inQuarter.length} requests responded to.` }, 'draft'));
    }
    if (q.q < 4) {
      const toDate = responded.filter((r) => r.respondedOn! <= q.at);
      out.push(upd('G3.2', q, { numerator: toDate.filter((r) => days(r) <= 30).length, denominator: toDate.length }));
    }
  }
  return out;
}

/** Value of COVID-19 support mobilised, by contributing partner (USD). */
const MOBILISED: readonly [Quarter, string, number, UpdateStatus?][] = [
  [Q1, 'China International Center for Economic and Technical Exchanges (CICETE)', 30000],
  [Q2, 'China International Center for Economic and Technical Exchanges (CICETE)', 80000],
  [Q2, 'UN Regional Digital Economy Working Group', 50000],
  [Q2, 'Indian Ocean Port Cities Alliance', 45000],
  [Q2, 'Coastal Cities University Consortium', 35000],
  [Q3, 'China International Center for Economic and Technical Exchanges (CICETE)', 45000],
  [Q3, 'Silk Trail E-commerce Ltd.', 70000],
  [Q3, 'Oasis Digital Payments Ltd.', 40000, 'submitted'],
  [Q3, 'Indian Ocean Port Cities Alliance', 20000],
  [Q4, 'China International Center for Economic and Technical Exchanges (CICETE)', 60000],
];

function activityUpdates(): UpdateSeed[] {
  const out: UpdateSeed[] = [];
  const online = ACTIVITIES.filter((a) => a.format === 'online');
  for (const q of QUARTERS) {
    const held = online.filter((a) => a.heldOn >= q.start && a.heldOn <= q.at);
    out.push(upd('G4.1', q, { value: held.length, note: held.map((a) => a.title).join('; ') || 'No online sessions yet.' }, 'approved'));
    if (held.length === 0) {
      out.push(upd('G4.2', q, { value: 0, note: 'The online series started in June.' }));
      continue;
    }
    const byCity = new Map<string, number>();
    for (const a of held) for (const [city, n] of Object.entries(a.cities)) byCity.set(city, (byCity.get(city) ?? 0) + n);
    for (const [city, n] of byCity) {
      const fix = q === Q3 && city === 'Kashgar'
        ? { correction: { value: 53, reason: 'Duplicate attendance records removed (participants who rejoined after a dropped connection were counted twice).', correctedOn: '2020-10-20' } }
        : {};
      out.push(upd('G4.2', q, { city, value: n, ...fix }, 'approved'));
    }
  }
  const h1 = online.filter((a) => a.heldOn <= H1.end);
  out.push({
    code: 'G4.3', start: H1.start, end: H1.end, status: 'approved', reportedOn: H1.reportedOn,
    numerator: h1.reduce((s, a) => s + a.female, 0), denominator: h1.reduce((s, a) => s + activityTotal(a), 0),
  });
  return out;
}

function commitmentUpdates(): UpdateSeed[] {
  const out: UpdateSeed[] = [
    upd('G5.1', Q1, { value: 0, note: 'Draft shared with the Committee members.' }),
    upd('G5.1', Q2, { value: 1, note: 'Presented at and adopted by the Committee on 7 May 2020.' }),
    upd('G5.1', Q3, { value: 1 }),
    // The demo's example of a draft: saved by its reporter, not yet submitted (only staff and admins see it).
    upd('G5.1', Q4, { value: 1, note: 'Plan still in force; to confirm after the year-end review.' }, 'draft'),
    upd('G5.3', Q1, { numerator: 95000, denominator: 260000, note: 'Events postponed because of COVID-19.' }),
    upd('G5.3', Q2, {
      numerator: 128000, denominator: 320000,
      correction: { numerator: 144000, reason: 'A postponed workshop was first counted as unspent; its budget was reprogrammed within the quarter (Q2 financial report).', correctedOn: '2020-07-24' },
    }),
    upd('G5.3', Q3, { numerator: 112000, denominator: 400000 }),
    // Review examples on manual indicators (the registry-count indicators are derived and have no updates).
    upd('G3.4', Q4, {
      partner: 'Silk Trail E-commerce Ltd.', value: 25000, status: 'returned',
      reviewComment: 'Please attach the commitment letter before this is approved.',
    }),
  ];
  for (const q of QUARTERS) {
    const held = WORKING_LEVEL_MEETINGS.filter((m) => m.heldOn >= q.start && m.heldOn <= q.at);
    out.push(upd('G5.4', q, { value: held.length, note: held.map((m) => m.heldOn).join(', ') || undefined }, 'approved'));
  }
  for (const [q, partner, value, status] of MOBILISED) {
    out.push(upd('G3.4', q, { partner, value, ...(status ? { status } : {}) }));
  }
  // Waiting for review, and flagged: far above this partner's recent contributions (an in-kind grant, as its note
  // says). Entered by the staff account on the Beijing office's behalf, so the staff reviewer of G3 sees it in the
  // queue without the buttons, and the other reviewers and admins decide.
  out.push(
    upd('G3.4', Q4, {
      partner: 'Indian Ocean Port Cities Alliance', value: 450000, reporter: STAFF,
      note: 'Includes the port-equipment grant of USD 405,000 in kind, valued by the Alliance.',
    }),
  );
  return out;
}

/** Every demo progress update, in a stable order. */
export function demoUpdates(): UpdateSeed[] {
  return [...cityUpdates(), ...partnerUpdates(), ...clusterUpdates(), ...requestUpdates(), ...activityUpdates(), ...commitmentUpdates()];
}

const at = (date: string, hour = 9): Date => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

export interface ProgressRefs {
  indicatorIds: ReadonlyMap<string, number>;
  cityIds: ReadonlyMap<string, number>;
  clusterIds: ReadonlyMap<string, number>;
  partnerIds: ReadonlyMap<string, number>;
  users: UserIds;
}

export async function insertProgress(db: Db, refs: ProgressRefs): Promise<void> {
  const owners = new Map(INDICATORS_2020.map((i) => [i.code, i.owner]));
  const reviewer = userId(refs.users, ADMIN);
  const ref = (ids: ReadonlyMap<string, number>, name: string | undefined) => {
    if (name === undefined) return null;
    const id = ids.get(name);
    if (id === undefined) throw new Error(`seed: unknown name ${name}`);
    return id;
  };
  for (const u of demoUpdates()) {
    const indicatorId = refs.indicatorIds.get(u.code);
    if (indicatorId === undefined) continue; // an indicator the existing 2020 plan does not have
    const reportedBy = userId(refs.users, u.reporter ?? owners.get(u.code));
    const reviewed = u.status === 'approved' || u.status === 'returned';
    const reviewedOn = addDays(u.reportedOn, 3);
    const row = {
      indicatorId,
      periodStart: u.start,
      periodEnd: u.end,
      value: u.value ?? null,
      numerator: u.numerator ?? null,
      denominator: u.denominator ?? null,
      cityId: ref(refs.cityIds, u.city),
      clusterId: ref(refs.clusterIds, u.cluster),
      partnerId: ref(refs.partnerIds, u.partner),
      note: u.note ?? null,
      status: u.status,
      reportedBy,
      reviewedBy: reviewed ? reviewer : null,
      reviewedAt: reviewed ? at(reviewedOn, 14) : null,
      reviewComment: u.reviewComment ?? null,
      version: u.correction ? 2 : 1,
      createdAt: at(u.reportedOn),
      updatedAt: at(u.correction?.correctedOn ?? (reviewed ? reviewedOn : u.reportedOn), reviewed ? 14 : 9),
    };
    const [inserted] = await db.insert(progressUpdates).values(row).returning({ id: progressUpdates.id });
    if (!u.correction) continue;
    const c = u.correction;
    await db.insert(progressUpdateVersions).values({
      updateId: inserted!.id,
      version: 1,
      value: c.value ?? row.value,
      numerator: c.numerator ?? row.numerator,
      denominator: c.denominator ?? row.denominator,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      cityId: row.cityId,
      clusterId: row.clusterId,
      partnerId: row.partnerId,
      note: row.note,
      status: 'approved',
      changedBy: reportedBy,
      reason: c.reason,
      createdAt: at(c.correctedOn),
    });
  }
}
