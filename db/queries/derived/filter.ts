import type { DerivedFilter } from './query';

/** The overview's region and cluster choices as a filter of derived indicators' registry rows. */
export function derivedFilterOf(filters: { region?: string; cluster?: number }): DerivedFilter {
  return {
    regions: filters.region ? [filters.region] : undefined,
    clusterIds: filters.cluster !== undefined ? [filters.cluster] : undefined,
  };
}
