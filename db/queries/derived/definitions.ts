import { sql, type SQL } from 'drizzle-orm';
import { DERIVATIONS, derivationKeys, isDerivationKey, type DerivationInfo, type DerivationKey, type DerivedDimension } from '@/lib/derivations';
import { utilisationWindowsSql } from '../budget/utilisation';

/**
 * The registry rows behind derived indicators (indicators.source = 'derived', indicators.derived_key).
 *
 * Each derivation lists its *facts* for a set of windows `win(ord, from_d, to_d)` (inclusive calendar dates):
 * one row per registry record that bears on the window, with columns
 *   ord, to_d, fid (the record), counted (whether it enters the value), v (its contribution: 1 for a count,
 *   participants for a sum, days for a mean), num, den (percent), on_d (the date of the registry change it
 *   reflects), city_id, cluster_id (its single city and cluster, when it has one).
 * The value, the breakdowns, the region and cluster filters and the "last update" are all computed from these
 * rows (see ./query.ts), so the parts of a breakdown are the same records as its total. Two kinds:
 * - 'state': every record's latest status on or before `to_d` (a status changed back and forth counts by its
 *   latest change; same-day changes by the one recorded later); `counted` says whether it is in the set;
 * - 'events': what happened between `from_d` and `to_d` (responses, trainings, meetings).
 * Archived records are left out everywhere: archiving retires a record entered in error or no longer followed,
 * and its history stays on its detail page.
 */

/** How a fact reaches cities: its own city_id, a partner's cities, an activity's cities, or none. */
export type CityLinks = 'single' | 'partner' | 'activity' | 'none';

export interface FactSource {
  facts: SQL;
  links: CityLinks;
  /** The cluster filter applies to the fact's own cluster (clusters, memberships), not its cities' clusters. */
  clusterOwn: boolean;
  /** Whether a 'partner' dimension names the record itself (partners) or its city's partners. */
  self: 'city' | 'partner' | 'cluster' | 'request' | 'activity' | 'meeting';
}

/**
 * A derivation read as a whole per window ('whole' kind): not facts to aggregate but one query giving, per window
 * of `win w` and plan, ord, value, numerator, denominator and last_on (a date), and with `by`, per member:
 * dimension (the key), label, label_zh. The region and cluster filters do not apply (its rows have no city).
 */
export interface WholeSource {
  windows: (planId: number, by?: DerivedDimension) => SQL;
}

interface DefinitionBase extends DerivationInfo {
  /** Kept for callers that ask whether the value is a percent. */
  percent: boolean;
}
export interface RegistryDefinition extends DefinitionBase {
  source: FactSource;
  whole?: undefined;
}
export interface WholeDefinition extends DefinitionBase {
  whole: WholeSource;
  source?: undefined;
}
export type DerivedDefinition = RegistryDefinition | WholeDefinition;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((s) => sql`${s}`),
    sql`, `,
  );

/** Every record's latest status on or before w.to_d; counted when it is one of `statuses`. */
function latestStatus(opts: {
  history: string;
  entity: string;
  statusColumn: string;
  registry: string;
  statuses: readonly string[];
  /** `city_id, cluster_id` of the record, from the registry row `r`. */
  links: string;
}): SQL {
  const [history, entity, status, registry, links] = [opts.history, opts.entity, opts.statusColumn, opts.registry, opts.links].map(sql.raw);
  // Ties on the same day: the change recorded later (higher id) wins.
  return sql`
    select w.ord, w.to_d, s.id as fid, s.status in (${list(opts.statuses)}) as counted, 1::float8 as v,
      null::float8 as num, null::float8 as den, s.changed_on as on_d, s.city_id, s.cluster_id
    from win w
    join lateral (
      select distinct on (h.${entity}) h.${entity} as id, h.${status}::text as status, h.changed_on, ${links}
      from ${history} h join ${registry} r on r.id = h.${entity}
      where h.changed_on <= w.to_d and r.archived_at is null
      order by h.${entity}, h.changed_on desc, h.id desc
    ) s on true`;
}

const cityState = (statuses: readonly string[]): FactSource => ({
  facts: latestStatus({ history: 'city_status_history', entity: 'city_id', statusColumn: 'status', registry: 'cities', statuses, links: 'r.id as city_id, null::int as cluster_id' }),
  links: 'single',
  clusterOwn: false,
  self: 'city',
});

const partnerState = (statuses: readonly string[]): FactSource => ({
  facts: latestStatus({ history: 'partner_status_history', entity: 'partner_id', statusColumn: 'status', registry: 'partners', statuses, links: 'null::int as city_id, null::int as cluster_id' }),
  links: 'partner',
  clusterOwn: false,
  self: 'partner',
});

// A cluster's city is its lead city.
const clusterState = (statuses: readonly string[]): FactSource => ({
  facts: latestStatus({ history: 'cluster_stage_history', entity: 'cluster_id', statusColumn: 'stage', registry: 'clusters', statuses, links: 'r.lead_city_id as city_id, r.id as cluster_id' }),
  links: 'single',
  clusterOwn: true,
  self: 'cluster',
});

/** Partners whose first 'active' status falls within the window (a new partnership). */
const newPartnerships = (viaNationalPartner: boolean): FactSource => ({
  facts: sql`
    select w.ord, w.to_d, f.partner_id as fid, true as counted, 1::float8 as v, null::float8 as num, null::float8 as den,
      f.first_on as on_d, null::int as city_id, null::int as cluster_id
    from win w
    join lateral (
      select h.partner_id, min(h.changed_on) as first_on
      from partner_status_history h join partners p on p.id = h.partner_id
      where h.status = 'active' and p.archived_at is null ${viaNationalPartner ? sql`and p.via_national_partner` : sql``}
      group by h.partner_id
      having min(h.changed_on) between w.from_d and w.to_d
    ) f on true`,
  links: 'partner',
  clusterOwn: false,
  self: 'partner',
});

const reactivations: FactSource = {
  facts: sql`
    select w.ord, w.to_d, h.partner_id as fid, true as counted, 1::float8 as v, null::float8 as num, null::float8 as den,
      max(h.changed_on) as on_d, null::int as city_id, null::int as cluster_id
    from win w
    join partner_status_history h on h.status = 'reactivated' and h.changed_on between w.from_d and w.to_d
    join partners p on p.id = h.partner_id and p.archived_at is null
    group by w.ord, w.to_d, h.partner_id`,
  links: 'partner',
  clusterOwn: false,
  self: 'partner',
};

// A member on the day it leaves no longer counts (left_on is the first day outside the cluster).
const memberships: FactSource = {
  facts: sql`
    select w.ord, w.to_d, m.id as fid, (m.left_on is null or m.left_on > w.to_d) as counted, 1::float8 as v,
      null::float8 as num, null::float8 as den,
      case when m.left_on <= w.to_d then m.left_on else m.joined_on end as on_d, m.city_id, m.cluster_id
    from win w
    join cluster_members m on m.joined_on <= w.to_d
    join clusters c on c.id = m.cluster_id and c.archived_at is null`,
  links: 'single',
  clusterOwn: true,
  self: 'cluster',
};

/** Requests responded to within the window; `v` is 1 or, for the mean, the days it took. */
const responses = (v: SQL): FactSource => ({
  facts: sql`
    select w.ord, w.to_d, r.id as fid, true as counted, ${v} as v,
      ((r.responded_on - r.received_on) <= 30)::int::float8 as num, 1::float8 as den,
      r.responded_on as on_d, r.city_id, null::int as cluster_id
    from win w
    join support_requests r on r.archived_at is null and r.responded_on between w.from_d and w.to_d`,
  links: 'single',
  clusterOwn: false,
  self: 'request',
});

const onlineInWindow = sql`a.archived_at is null and a.format = 'online' and a.held_on between w.from_d and w.to_d`;

const trainings: FactSource = {
  facts: sql`
    select w.ord, w.to_d, a.id as fid, true as counted, 1::float8 as v, null::float8 as num, null::float8 as den,
      a.held_on as on_d, null::int as city_id, null::int as cluster_id
    from win w join activities a on ${onlineInWindow}`,
  links: 'activity',
  clusterOwn: false,
  self: 'activity',
};

// Participants by city where the activity records them, and the rest of its total under no city.
const attributed = sql`(select coalesce(sum(x.participants), 0) from activity_cities x where x.activity_id = a.id)`;
const participants: FactSource = {
  facts: sql`
    select w.ord, w.to_d, a.id as fid, true as counted, ac.participants::float8 as v, null::float8 as num,
      null::float8 as den, a.held_on as on_d, ac.city_id, null::int as cluster_id
    from win w join activities a on ${onlineInWindow}
    join activity_cities ac on ac.activity_id = a.id and ac.participants is not null
    union all
    select w.ord, w.to_d, a.id, true, (a.participants_total - ${attributed})::float8, null::float8, null::float8,
      a.held_on, null::int, null::int
    from win w join activities a on ${onlineInWindow} and a.participants_total > ${attributed}`,
  links: 'single',
  clusterOwn: false,
  self: 'activity',
};

// Only sessions where the split by sex is known enter numerator and denominator.
const womenShare: FactSource = {
  facts: sql`
    select w.ord, w.to_d, a.id as fid, true as counted, null::float8 as v, a.participants_female::float8 as num,
      a.participants_total::float8 as den, a.held_on as on_d, null::int as city_id, null::int as cluster_id
    from win w join activities a on ${onlineInWindow} and a.participants_female is not null`,
  links: 'activity',
  clusterOwn: false,
  self: 'activity',
};

const workingMeetings: FactSource = {
  facts: sql`
    select w.ord, w.to_d, m.id as fid, true as counted, 1::float8 as v, null::float8 as num, null::float8 as den,
      m.held_on as on_d, null::int as city_id, null::int as cluster_id
    from win w join meetings m on m.kind = 'working_level' and m.held_on between w.from_d and w.to_d`,
  links: 'none',
  clusterOwn: false,
  self: 'meeting',
};

const budgetUtilisation: WholeSource = {
  windows: (planId, by) => utilisationWindowsSql(sql`win w`, planId, by === 'line' || by === 'source' ? by : undefined),
};

const SOURCES: Record<Exclude<DerivationKey, 'budget_utilisation'>, FactSource> = {
  cities_engaged: cityState(['engaged', 'active']),
  partnerships_active: partnerState(['active', 'reactivated']),
  partnerships_new: newPartnerships(false),
  partnerships_new_via_national_partner: newPartnerships(true),
  partners_reactivated: reactivations,
  clusters_established: clusterState(['established', 'functional']),
  clusters_functional: clusterState(['functional']),
  cluster_memberships: memberships,
  covid_requests_responded: responses(sql`1::float8`),
  covid_requests_responded_within_30_days: responses(sql`null::float8`),
  covid_response_days_mean: responses(sql`(r.responded_on - r.received_on)::float8`),
  online_trainings_held: trainings,
  people_trained_online: participants,
  online_participants_women_share: womenShare,
  working_level_meetings: workingMeetings,
};

const WHOLE: Record<'budget_utilisation', WholeSource> = { budget_utilisation: budgetUtilisation };

export const DERIVED: Record<DerivationKey, DerivedDefinition> = Object.fromEntries(
  derivationKeys.map((k) => {
    const base = { ...DERIVATIONS[k], percent: DERIVATIONS[k].aggregate === 'percent' };
    return [k, k === 'budget_utilisation' ? { ...base, whole: WHOLE[k] } : { ...base, source: SOURCES[k] }];
  }),
) as Record<DerivationKey, DerivedDefinition>;

export type DerivedKey = DerivationKey;
export const derivedKeys: readonly DerivationKey[] = derivationKeys;

export function derivedDefinition(key: string | null | undefined): DerivedDefinition | undefined {
  return isDerivationKey(key) ? DERIVED[key] : undefined;
}
