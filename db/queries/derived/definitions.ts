import { sql, type SQL } from 'drizzle-orm';

/**
 * The named registry queries behind derived indicators (indicators.source = 'derived', indicators.derived_key).
 *
 * Each query is evaluated over a list of windows `w(ord, from_d, to_d)` (inclusive calendar dates) and returns,
 * per window, `ord`, `value`, `numerator`, `denominator` — the same sums db/queries/progress.ts returns, so that
 * lib/progress reads derived and manual indicators alike. Two kinds:
 * - 'state': the registry's state at the end of `to_d`, recomputed from the dated history tables (a status
 *   changed back and forth is counted by its latest change on or before the date; `from_d` is ignored);
 * - 'events': what happened between `from_d` and `to_d` (responses, trainings, meetings).
 * Archived records are left out everywhere: archiving retires a record entered in error or no longer followed,
 * and its history stays on its detail page.
 */

export type DerivedRegistry = 'cities' | 'partners' | 'clusters' | 'support_requests' | 'activities' | 'meetings';

export interface DerivedDefinition {
  registry: DerivedRegistry;
  kind: 'state' | 'events';
  /** percent queries return numerator and denominator; the others return value. */
  percent: boolean;
  /** Rows (ord, value, numerator, denominator) for the windows relation `w`. */
  query: (windows: SQL) => SQL;
  /** When the registry last changed: the "last update" the overview shows. */
  lastChange: SQL;
}

/** How many records' latest status on or before w.to_d is one of `statuses`. */
function latestStatusCount(opts: {
  history: string;
  entity: string;
  statusColumn: string;
  registry: string;
  statuses: string[];
  extraWhere?: string;
}): (windows: SQL) => SQL {
  const statuses = sql.join(
    opts.statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const history = sql.raw(opts.history);
  const entity = sql.raw(opts.entity);
  const status = sql.raw(opts.statusColumn);
  const registry = sql.raw(opts.registry);
  const extra = sql.raw(opts.extraWhere ? `and ${opts.extraWhere}` : '');
  // Ties on the same day: the change recorded later (higher id) wins.
  return (windows) => sql`
    select w.ord, count(s.entity_id)::float8 as value, null::float8 as numerator, null::float8 as denominator
    from ${windows}
    left join lateral (
      select distinct on (h.${entity}) h.${entity} as entity_id, h.${status}::text as status
      from ${history} h join ${registry} r on r.id = h.${entity}
      where h.changed_on <= w.to_d and r.archived_at is null ${extra}
      order by h.${entity}, h.changed_on desc, h.id desc
    ) s on s.status in (${statuses})
    group by w.ord`;
}

const lastUpdated = (table: string) => sql.raw(`(select max(updated_at)::text from ${table})`);

/** Partners whose first 'active' status falls within the window (a new partnership). */
const newPartnerships = (viaNationalPartner: boolean) => (windows: SQL) => sql`
  select w.ord, count(f.partner_id)::float8 as value, null::float8 as numerator, null::float8 as denominator
  from ${windows}
  left join lateral (
    select h.partner_id from partner_status_history h join partners p on p.id = h.partner_id
    where h.status = 'active' and p.archived_at is null ${viaNationalPartner ? sql`and p.via_national_partner` : sql``}
    group by h.partner_id
    having min(h.changed_on) between w.from_d and w.to_d
  ) f on true
  group by w.ord`;

export const DERIVED: Record<string, DerivedDefinition> = {
  cities_engaged: {
    registry: 'cities',
    kind: 'state',
    percent: false,
    query: latestStatusCount({ history: 'city_status_history', entity: 'city_id', statusColumn: 'status', registry: 'cities', statuses: ['engaged', 'active'] }),
    lastChange: lastUpdated('cities'),
  },
  partnerships_active: {
    registry: 'partners',
    kind: 'state',
    percent: false,
    query: latestStatusCount({ history: 'partner_status_history', entity: 'partner_id', statusColumn: 'status', registry: 'partners', statuses: ['active', 'reactivated'] }),
    lastChange: lastUpdated('partners'),
  },
  partnerships_new: { registry: 'partners', kind: 'events', percent: false, query: newPartnerships(false), lastChange: lastUpdated('partners') },
  partnerships_new_via_national_partner: {
    registry: 'partners',
    kind: 'events',
    percent: false,
    query: newPartnerships(true),
    lastChange: lastUpdated('partners'),
  },
  partners_reactivated: {
    registry: 'partners',
    kind: 'events',
    percent: false,
    query: (windows) => sql`
      select w.ord, count(distinct h.partner_id)::float8 as value, null::float8 as numerator, null::float8 as denominator
      from ${windows}
      left join (partner_status_history h join partners p on p.id = h.partner_id and p.archived_at is null)
        on h.status = 'reactivated' and h.changed_on between w.from_d and w.to_d
      group by w.ord`,
    lastChange: lastUpdated('partners'),
  },
  clusters_established: {
    registry: 'clusters',
    kind: 'state',
    percent: false,
    query: latestStatusCount({ history: 'cluster_stage_history', entity: 'cluster_id', statusColumn: 'stage', registry: 'clusters', statuses: ['established', 'functional'] }),
    lastChange: lastUpdated('clusters'),
  },
  clusters_functional: {
    registry: 'clusters',
    kind: 'state',
    percent: false,
    query: latestStatusCount({ history: 'cluster_stage_history', entity: 'cluster_id', statusColumn: 'stage', registry: 'clusters', statuses: ['functional'] }),
    lastChange: lastUpdated('clusters'),
  },
  cluster_memberships: {
    registry: 'clusters',
    kind: 'state',
    percent: false,
    // A member on the day it leaves no longer counts (left_on is the first day outside the cluster).
    query: (windows) => sql`
      select w.ord, count(m.id)::float8 as value, null::float8 as numerator, null::float8 as denominator
      from ${windows}
      left join (cluster_members m join clusters c on c.id = m.cluster_id and c.archived_at is null)
        on m.joined_on <= w.to_d and (m.left_on is null or m.left_on > w.to_d)
      group by w.ord`,
    lastChange: lastUpdated('clusters'),
  },
  covid_requests_responded: {
    registry: 'support_requests',
    kind: 'events',
    percent: false,
    query: (windows) => sql`
      select w.ord, count(r.id)::float8 as value, null::float8 as numerator, null::float8 as denominator
      from ${windows}
      left join support_requests r
        on r.archived_at is null and r.responded_on between w.from_d and w.to_d
      group by w.ord`,
    lastChange: lastUpdated('support_requests'),
  },
  covid_requests_responded_within_30_days: {
    registry: 'support_requests',
    kind: 'events',
    percent: true,
    query: (windows) => sql`
      select w.ord, null::float8 as value,
        count(r.id) filter (where r.responded_on - r.received_on <= 30)::float8 as numerator,
        count(r.id)::float8 as denominator
      from ${windows}
      left join support_requests r
        on r.archived_at is null and r.responded_on between w.from_d and w.to_d
      group by w.ord`,
    lastChange: lastUpdated('support_requests'),
  },
  covid_response_days_mean: {
    registry: 'support_requests',
    kind: 'events',
    percent: false,
    query: (windows) => sql`
      select w.ord, avg(r.responded_on - r.received_on)::float8 as value, null::float8 as numerator, null::float8 as denominator
      from ${windows}
      left join support_requests r
        on r.archived_at is null and r.responded_on between w.from_d and w.to_d
      group by w.ord`,
    lastChange: lastUpdated('support_requests'),
  },
  online_trainings_held: {
    registry: 'activities',
    kind: 'events',
    percent: false,
    query: (windows) => sql`
      select w.ord, count(a.id)::float8 as value, null::float8 as numerator, null::float8 as denominator
      from ${windows}
      left join activities a
        on a.archived_at is null and a.format = 'online' and a.held_on between w.from_d and w.to_d
      group by w.ord`,
    lastChange: lastUpdated('activities'),
  },
  people_trained_online: {
    registry: 'activities',
    kind: 'events',
    percent: false,
    query: (windows) => sql`
      select w.ord, coalesce(sum(a.participants_total), 0)::float8 as value, null::float8 as numerator, null::float8 as denominator
      from ${windows}
      left join activities a
        on a.archived_at is null and a.format = 'online' and a.held_on between w.from_d and w.to_d
      group by w.ord`,
    lastChange: lastUpdated('activities'),
  },
  online_participants_women_share: {
    registry: 'activities',
    kind: 'events',
    percent: true,
    // Only sessions where the split by sex is known enter numerator and denominator.
    query: (windows) => sql`
      select w.ord, null::float8 as value,
        coalesce(sum(a.participants_female), 0)::float8 as numerator,
        coalesce(sum(a.participants_total), 0)::float8 as denominator
      from ${windows}
      left join activities a
        on a.archived_at is null and a.format = 'online' and a.participants_female is not null
        and a.held_on between w.from_d and w.to_d
      group by w.ord`,
    lastChange: lastUpdated('activities'),
  },
  working_level_meetings: {
    registry: 'meetings',
    kind: 'events',
    percent: false,
    query: (windows) => sql`
      select w.ord, count(m.id)::float8 as value, null::float8 as numerator, null::float8 as denominator
      from ${windows}
      left join meetings m on m.kind = 'working_level' and m.held_on between w.from_d and w.to_d
      group by w.ord`,
    lastChange: sql.raw(`(select max(updated_at)::text from meetings where kind = 'working_level')`),
  },
};

export type DerivedKey = keyof typeof DERIVED;
export const derivedKeys = Object.keys(DERIVED);

export function derivedDefinition(key: string | null | undefined): DerivedDefinition | undefined {
  return key && Object.hasOwn(DERIVED, key) ? DERIVED[key] : undefined;
}
