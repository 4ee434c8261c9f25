/**
 * The closed list of derivations: the registry computations a derived indicator can use
 * (indicators.derived_key). One list for the database check constraint, the admin form's choices, zod and the
 * definition sheet; the SQL of each lives in db/queries/derived. Adding a derivation means adding it here and
 * there, and a migration for the constraint.
 */

export const derivationKeys = [
  'cities_engaged',
  'partnerships_active',
  'partnerships_new',
  'partnerships_new_via_national_partner',
  'partners_reactivated',
  'clusters_established',
  'clusters_functional',
  'cluster_memberships',
  'covid_requests_responded',
  'covid_requests_responded_within_30_days',
  'covid_response_days_mean',
  'online_trainings_held',
  'people_trained_online',
  'online_participants_women_share',
  'working_level_meetings',
  'budget_utilisation',
] as const;

export type DerivationKey = (typeof derivationKeys)[number];

export type DerivedRegistry = 'cities' | 'partners' | 'clusters' | 'support_requests' | 'activities' | 'meetings' | 'budget';

/** What a registry row can be broken down by. */
export const derivedDimensionKinds = ['city', 'region', 'cluster', 'partner', 'category', 'topic', 'format', 'line', 'source'] as const;
export type DerivedDimension = (typeof derivedDimensionKinds)[number];

/**
 * How the parts of a breakdown relate to the total: `sum` parts add up to it; `overlap` a record linked to
 * several members (a training with three cities) counts under each; `percent` and `mean` parts are ratios and
 * averages of their own rows.
 */
export type PartsRule = 'sum' | 'overlap' | 'percent' | 'mean';

export interface DerivationInfo {
  registry: DerivedRegistry;
  /**
   * 'state': the registry's state at a date; 'events': what happened between two dates; 'whole': a level over
   * everything up to the date, whatever window is asked (utilisation to date is spent ÷ budget to date, never a
   * sum of per-period ratios).
   */
  kind: 'state' | 'events' | 'whole';
  /** count and sum add up; mean averages; percent is a numerator over a denominator. */
  aggregate: 'count' | 'sum' | 'mean' | 'percent';
  /** The dimensions its rows carry, and how each one's parts relate to the total. */
  dimensions: Partial<Record<DerivedDimension, PartsRule>>;
  /** Which rows are counted, in words (a message key under plans.derivations.filter). */
  filter: string;
}

// Single-valued links (a request's city) partition the rows; many-valued ones (a partner's cities) overlap.
const cityRows = { city: 'sum', region: 'sum', cluster: 'overlap', partner: 'overlap' } as const;
const partnerRows = { partner: 'sum', city: 'overlap', region: 'overlap', cluster: 'overlap' } as const;
const clusterRows = { cluster: 'sum', city: 'sum', region: 'sum' } as const;
const requestRows = { city: 'sum', region: 'sum', category: 'sum', cluster: 'overlap' } as const;
const activityRows = { topic: 'sum', format: 'sum', city: 'overlap', region: 'overlap', cluster: 'overlap' } as const;
const asRule = (rows: Partial<Record<DerivedDimension, PartsRule>>, rule: PartsRule) =>
  Object.fromEntries(Object.keys(rows).map((k) => [k, rule])) as Partial<Record<DerivedDimension, PartsRule>>;

export const DERIVATIONS: Record<DerivationKey, DerivationInfo> = {
  cities_engaged: { registry: 'cities', kind: 'state', aggregate: 'count', dimensions: cityRows, filter: 'citiesEngaged' },
  partnerships_active: { registry: 'partners', kind: 'state', aggregate: 'count', dimensions: partnerRows, filter: 'partnersActive' },
  partnerships_new: { registry: 'partners', kind: 'events', aggregate: 'count', dimensions: partnerRows, filter: 'partnersNew' },
  partnerships_new_via_national_partner: {
    registry: 'partners', kind: 'events', aggregate: 'count', dimensions: partnerRows, filter: 'partnersNewViaNational',
  },
  partners_reactivated: { registry: 'partners', kind: 'events', aggregate: 'count', dimensions: partnerRows, filter: 'partnersReactivated' },
  clusters_established: { registry: 'clusters', kind: 'state', aggregate: 'count', dimensions: clusterRows, filter: 'clustersEstablished' },
  clusters_functional: { registry: 'clusters', kind: 'state', aggregate: 'count', dimensions: clusterRows, filter: 'clustersFunctional' },
  cluster_memberships: { registry: 'clusters', kind: 'state', aggregate: 'count', dimensions: clusterRows, filter: 'clusterMembers' },
  covid_requests_responded: { registry: 'support_requests', kind: 'events', aggregate: 'count', dimensions: requestRows, filter: 'requestsResponded' },
  covid_requests_responded_within_30_days: {
    registry: 'support_requests', kind: 'events', aggregate: 'percent', dimensions: asRule(requestRows, 'percent'), filter: 'requestsWithin30',
  },
  covid_response_days_mean: {
    registry: 'support_requests', kind: 'events', aggregate: 'mean', dimensions: asRule(requestRows, 'mean'), filter: 'requestsDays',
  },
  online_trainings_held: { registry: 'activities', kind: 'events', aggregate: 'count', dimensions: activityRows, filter: 'trainingsOnline' },
  // Participants are kept per city, so their city and region parts add up (the rest is "no city").
  people_trained_online: {
    registry: 'activities', kind: 'events', aggregate: 'sum', dimensions: { ...activityRows, city: 'sum', region: 'sum' }, filter: 'participantsOnline',
  },
  online_participants_women_share: {
    registry: 'activities', kind: 'events', aggregate: 'percent', dimensions: asRule(activityRows, 'percent'), filter: 'womenShare',
  },
  working_level_meetings: { registry: 'meetings', kind: 'events', aggregate: 'count', dimensions: {}, filter: 'workingMeetings' },
  // Spent to date ÷ budget in force on the date (db/queries/budget/utilisation.ts); a line's or a source's part is
  // its own ratio, so the parts do not add up.
  budget_utilisation: { registry: 'budget', kind: 'whole', aggregate: 'percent', dimensions: { line: 'percent', source: 'percent' }, filter: 'budgetUtilisation' },
};

export function isDerivationKey(key: unknown): key is DerivationKey {
  return typeof key === 'string' && (derivationKeys as readonly string[]).includes(key);
}

export function derivationInfo(key: string | null | undefined): DerivationInfo | undefined {
  return isDerivationKey(key) ? DERIVATIONS[key] : undefined;
}

/** The dimensions a derivation supports, in a stable order; [] for an unknown key. */
export function derivedDimensions(key: string | null | undefined): DerivedDimension[] {
  const info = derivationInfo(key);
  return info ? derivedDimensionKinds.filter((d) => info.dimensions[d] !== undefined) : [];
}

/** Whether the overview's region and cluster filters apply (rows linked to cities or clusters). */
export function derivationFilterable(key: string | null | undefined): boolean {
  const dims = derivedDimensions(key);
  return dims.includes('city') || dims.includes('cluster');
}
