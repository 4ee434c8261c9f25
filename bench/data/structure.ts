import type { Sql } from 'postgres';
import { derivedDefinition, derivedKeys } from '@/db/queries/derived/definitions';
import { hashPassword } from '@/lib/auth/password';
import { periodsBetween, type Period } from '@/lib/periods';
import { int, pick, type Rand } from '../lib/rng';
import { BENCH, type BenchIndicator, type Structure } from './model';

/**
 * The work plan and registries of the benchmark database: one endorsed multi-year plan (BENCH.planStart …
 * planEnd) with `indicators` indicators in goals of about 50, every accumulation kind, value kind and
 * frequency; `cities` cities and the partners, clusters, support requests and activities around them, each with
 * a dated status history; the accounts to sign in with; one steering committee meeting (the report's "since").
 */

const COUNTRIES = [
  ['China', 'continental'], ['Kazakhstan', 'continental'], ['Uzbekistan', 'continental'], ['Pakistan', 'continental'],
  ['Iran', 'continental'], ['Turkey', 'continental'], ['Georgia', 'continental'], ['Mongolia', 'continental'],
  ['Indonesia', 'maritime'], ['Malaysia', 'maritime'], ['Sri Lanka', 'maritime'], ['Kenya', 'maritime'],
  ['Tanzania', 'maritime'], ['Egypt', 'maritime'], ['Greece', 'maritime'], ['Italy', 'maritime'],
  ['Viet Nam', 'maritime'], ['Thailand', 'maritime'], ['Bangladesh', 'maritime'], ['Oman', 'maritime'],
] as const;

const insertReturning = async (sql: Sql, table: string, rows: Record<string, unknown>[]): Promise<number[]> => {
  const ids: number[] = [];
  const columns = Object.keys(rows[0] ?? {});
  const chunk = Math.max(1, Math.floor(30000 / Math.max(1, columns.length)));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const out = await sql`insert into ${sql(table)} ${sql(part as never, columns)} returning id`;
    ids.push(...out.map((r) => Number(r.id)));
  }
  return ids;
};

const isoDay = (base: string, days: number) => {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function createUsers(sql: Sql) {
  const hash = await hashPassword(BENCH.password);
  const people = [
    { email: BENCH.committeeEmail, name: 'Bench Committee Member', role: 'committee' },
    { email: BENCH.adminEmail, name: 'Bench Admin', role: 'admin' },
    ...Array.from({ length: BENCH.staffCount }, (_, i) => ({ email: `staff${i + 1}@bench.local`, name: `Bench Staff ${i + 1}`, role: 'staff' })),
  ];
  const rows = await sql`insert into users ${sql(people.map((p) => ({ ...p, password_hash: hash })))} returning id, role`;
  return {
    admin: String(rows.find((r) => r.role === 'admin')!.id),
    staff: rows.filter((r) => r.role === 'staff').map((r) => String(r.id)),
  };
}

async function createRegistries(sql: Sql, r: Rand, cityCount: number, adminId: string) {
  const cityRows = Array.from({ length: cityCount }, (_, i) => {
    const [country, region] = COUNTRIES[i % COUNTRIES.length]!;
    return {
      name: `City ${String(i + 1).padStart(4, '0')}`,
      country,
      region,
      latitude: Math.round((r() * 100 - 30) * 1000) / 1000,
      longitude: Math.round((r() * 200 - 40) * 1000) / 1000,
      status: i % 10 === 9 ? 'inactive' : i % 3 === 0 ? 'engaged' : 'active',
      engaged_on: isoDay('2019-01-01', int(r, 0, 700)),
    };
  });
  const cityIds = await insertReturning(sql, 'cities', cityRows);
  const cityHistory = cityIds.flatMap((id, i) => {
    const engaged = cityRows[i]!.engaged_on;
    const rows = [
      { city_id: id, status: 'prospective', changed_on: isoDay(engaged, -60), changed_by: adminId },
      { city_id: id, status: 'engaged', changed_on: engaged, changed_by: adminId },
    ];
    if (cityRows[i]!.status !== 'engaged') rows.push({ city_id: id, status: 'active', changed_on: isoDay(engaged, 200), changed_by: adminId });
    if (cityRows[i]!.status === 'inactive') rows.push({ city_id: id, status: 'inactive', changed_on: isoDay(engaged, 900), changed_by: adminId });
    return rows;
  });
  await insertReturning(sql, 'city_status_history', cityHistory);

  const partnerCount = Math.max(20, Math.round(cityCount / 5));
  const partnerRows = Array.from({ length: partnerCount }, (_, i) => ({
    name: `Partner organisation ${i + 1}`,
    type: pick(r, ['government', 'un_entity', 'private_sector', 'academia', 'ngo', 'city_network']),
    status: i % 8 === 7 ? 'reactivated' : i % 8 === 6 ? 'inactive' : 'active',
    since: isoDay('2019-06-01', int(r, 0, 1500)),
    via_national_partner: i % 4 === 0,
  }));
  const partnerIds = await insertReturning(sql, 'partners', partnerRows);
  await insertReturning(
    sql,
    'partner_status_history',
    partnerIds.flatMap((id, i) => {
      const since = partnerRows[i]!.since;
      const rows = [{ partner_id: id, status: 'active', changed_on: since, changed_by: adminId }];
      if (partnerRows[i]!.status !== 'active') rows.push({ partner_id: id, status: 'inactive', changed_on: isoDay(since, 300), changed_by: adminId });
      if (partnerRows[i]!.status === 'reactivated') rows.push({ partner_id: id, status: 'reactivated', changed_on: isoDay(since, 600), changed_by: adminId });
      return rows;
    }),
  );
  await sql`insert into partner_cities ${sql(
    partnerIds.flatMap((id, i) => [...new Set([cityIds[i % cityIds.length]!, cityIds[(i * 7 + 3) % cityIds.length]!])].map((c) => ({ partner_id: id, city_id: c }))),
  )}`;

  const clusterCount = Math.max(5, Math.round(cityCount / 25));
  const clusterRows = Array.from({ length: clusterCount }, (_, i) => ({
    name: `Cluster ${i + 1}`,
    sector: pick(r, ['e-commerce', 'tourism', 'ports', 'health', 'smart city', 'culture']),
    stage: i % 3 === 0 ? 'proposed' : i % 3 === 1 ? 'established' : 'functional',
    lead_city_id: cityIds[(i * 11) % cityIds.length]!,
  }));
  const clusterIds = await insertReturning(sql, 'clusters', clusterRows);
  await insertReturning(
    sql,
    'cluster_stage_history',
    clusterIds.flatMap((id, i) => {
      const start = isoDay('2020-03-01', i * 20);
      const rows = [{ cluster_id: id, stage: 'proposed', changed_on: start, changed_by: adminId }];
      if (clusterRows[i]!.stage !== 'proposed') rows.push({ cluster_id: id, stage: 'established', changed_on: isoDay(start, 180), changed_by: adminId });
      if (clusterRows[i]!.stage === 'functional') rows.push({ cluster_id: id, stage: 'functional', changed_on: isoDay(start, 400), changed_by: adminId });
      return rows;
    }),
  );
  await insertReturning(
    sql,
    'cluster_members',
    clusterIds.flatMap((id, i) =>
      Array.from({ length: 6 }, (_, k) => ({
        cluster_id: id,
        city_id: cityIds[(i * 13 + k * 17) % cityIds.length]!,
        joined_on: isoDay('2020-06-01', i * 10 + k * 30),
        left_on: k === 5 && i % 2 === 0 ? isoDay('2023-06-01', i) : null,
      })),
    ),
  );

  const requestRows = Array.from({ length: cityCount * 2 }, (_, i) => {
    const received = isoDay('2020-03-15', int(r, 0, 1800));
    const status = pick(r, ['received', 'in_progress', 'responded', 'closed'] as const);
    const responded = status === 'responded' || status === 'closed' ? isoDay(received, int(r, 3, 60)) : null;
    return {
      city_id: cityIds[i % cityIds.length]!,
      category: pick(r, ['medical_supplies', 'ppe', 'knowledge_exchange', 'economic_recovery', 'digital_services', 'other']),
      received_on: received,
      status,
      responded_on: responded,
      closed_on: status === 'closed' ? isoDay(responded!, 30) : null,
      description: `Request ${i + 1}`,
    };
  });
  const requestIds = await insertReturning(sql, 'support_requests', requestRows);
  await insertReturning(
    sql,
    'support_request_status_history',
    requestIds.flatMap((id, i) => {
      const q = requestRows[i]!;
      const rows = [{ request_id: id, status: 'received', changed_on: q.received_on, changed_by: adminId }];
      if (q.status !== 'received') rows.push({ request_id: id, status: 'in_progress', changed_on: isoDay(q.received_on, 1), changed_by: adminId });
      if (q.responded_on) rows.push({ request_id: id, status: 'responded', changed_on: q.responded_on, changed_by: adminId });
      if (q.closed_on) rows.push({ request_id: id, status: 'closed', changed_on: q.closed_on, changed_by: adminId });
      return rows;
    }),
  );

  const activityRows = Array.from({ length: cityCount }, (_, i) => {
    const total = int(r, 10, 300);
    const female = Math.floor(total * (0.3 + r() * 0.4));
    return {
      title: `Training ${i + 1}`,
      topic: pick(r, ['e-commerce', 'digital innovation', 'urban resilience', 'trade facilitation']),
      format: i % 4 === 0 ? 'in_person' : 'online',
      held_on: isoDay('2021-01-10', int(r, 0, 1760)),
      participants_total: total,
      participants_female: female,
      participants_male: total - female,
    };
  });
  const activityIds = await insertReturning(sql, 'activities', activityRows);
  await sql`insert into activity_cities ${sql(
    activityIds.flatMap((id, i) => [...new Set([cityIds[i % cityIds.length]!, cityIds[(i * 3 + 1) % cityIds.length]!])].map((c) => ({ activity_id: id, city_id: c }))),
  )}`;
  return { cityIds, clusterIds, partnerIds };
}

/** Indicator i's kind: a fixed mix, so every size has every accumulation, value kind and frequency. */
function indicatorKind(i: number, derivedCount: number) {
  if (i < derivedCount) {
    const key = derivedKeys[i % derivedKeys.length]!;
    const def = derivedDefinition(key)!;
    return { source: 'derived' as const, derivedKey: key, valueKind: def.percent ? ('percent' as const) : ('count' as const), accumulation: def.kind === 'state' ? ('snapshot' as const) : ('non_cumulative' as const), frequency: 'quarterly' as const, disaggregations: [] as string[] };
  }
  // Independent-looking choices per indicator (a multiplicative hash), so that kinds do not line up.
  const mix = (salt: number, n: number) => ((Math.imul(i + 1, 2654435761) ^ Math.imul(salt, 40503)) >>> 0) % n;
  const accumulation = (['non_cumulative', 'non_cumulative', 'cumulative', 'snapshot', 'non_cumulative', 'cumulative', 'snapshot', 'non_cumulative', 'cumulative', 'non_cumulative'] as const)[i % 10]!;
  const k = mix(7, 20);
  const valueKind: BenchIndicator['valueKind'] = k === 3 ? 'milestone' : k === 4 || k === 11 || k === 17 ? 'percent' : k === 8 ? 'currency' : 'count';
  const frequency = (['quarterly', 'quarterly', 'monthly', 'quarterly', 'semiannual', 'quarterly', 'annual', 'quarterly', 'quarterly', 'monthly'] as const)[mix(13, 10)]!;
  const d = mix(29, 20);
  const disaggregations = valueKind === 'milestone' || d === 19 ? [] : d === 13 ? ['cluster'] : d === 7 ? ['partner'] : ['city'];
  return { source: 'manual' as const, derivedKey: null, valueKind, accumulation: valueKind === 'milestone' ? ('snapshot' as const) : accumulation, frequency: valueKind === 'milestone' ? ('quarterly' as const) : frequency, disaggregations };
}

export async function createStructure(sql: Sql, r: Rand, opts: { indicators: number; cities: number }): Promise<Structure> {
  const users = await createUsers(sql);
  const registries = await createRegistries(sql, r, opts.cities, users.admin);
  const [plan] = await sql`insert into work_plans (year, title, status, start_date, end_date, endorsed_on)
    values (${BENCH.planYear}, ${'Benchmark work plan 2021–2025'}, 'endorsed', ${BENCH.planStart}, ${BENCH.planEnd}, '2021-01-20') returning id`;
  const planId = Number(plan!.id);
  await sql`insert into app_settings (key, value) values ('as_of_date', ${BENCH.asOf})`;
  await sql`insert into meetings (plan_id, kind, held_on, title) values
    (${planId}, 'steering_committee', ${BENCH.lastMeeting}, 'Steering Committee 2025'),
    (${planId}, 'working_level', '2025-03-10', 'Working-level meeting')`;

  const goalCount = Math.max(1, Math.ceil(opts.indicators / 50));
  const goalIds = await insertReturning(
    sql,
    'goals',
    Array.from({ length: goalCount }, (_, g) => ({ plan_id: planId, code: `G${g + 1}`, title: `Goal ${g + 1}`, sort_order: g + 1 })),
  );
  const derivedCount = Math.min(derivedKeys.length, Math.max(1, Math.round(opts.indicators / 100)));
  const list: BenchIndicator[] = [];
  const indicatorRows = Array.from({ length: opts.indicators }, (_, i) => {
    const g = i % goalCount;
    const kind = indicatorKind(i, derivedCount);
    const periods: Period[] = periodsBetween(kind.frequency, BENCH.planStart, BENCH.planEnd);
    list.push({ id: 0, index: i, ...kind, periods, begun: periods.filter((p) => p.start <= BENCH.asOf), goalIndex: g, targetValue: 0, baselineValue: 0, direction: 'increase' });
    return { plan_id: planId, goal_id: goalIds[g]!, code: `G${g + 1}.${Math.floor(i / goalCount) + 1}`, name: `Indicator ${i + 1}`, unit: kind.valueKind === 'percent' ? '%' : kind.valueKind === 'currency' ? 'USD' : 'count', value_kind: kind.valueKind, accumulation: kind.accumulation, direction: i % 25 === 24 && kind.source === 'manual' ? 'decrease' : 'increase', baseline_value: 0, baseline_date: BENCH.planStart, target_value: 1, target_date: BENCH.planEnd, frequency: kind.frequency, owner_id: users.staff[i % users.staff.length]!, source: kind.source, derived_key: kind.derivedKey, disaggregations: `{${kind.disaggregations.join(',')}}`, sort_order: Math.floor(i / goalCount) + 1 };
  });
  const ids = await insertReturning(sql, 'indicators', indicatorRows);
  ids.forEach((id, i) => {
    list[i]!.id = id;
    list[i]!.direction = indicatorRows[i]!.direction as 'increase' | 'decrease';
  });
  return { planId, users, ...registries, indicators: list };
}
