import type { Period } from '@/lib/periods';

/** The fixed frame of every benchmark database; sizes and the seed vary, these do not. */
export const BENCH = {
  planYear: 2025,
  planStart: '2021-01-01',
  planEnd: '2025-12-31',
  /** Stored as the database's as-of date, so that every run sees the same "today". */
  asOf: '2025-11-15',
  /** The last steering committee meeting: the committee report's default "since". */
  lastMeeting: '2025-05-07',
  committeeEmail: 'committee@bench.local',
  adminEmail: 'admin@bench.local',
  password: 'bench-silk-road-2025',
  staffCount: 5,
  defaultUrl: 'postgres://postgres@127.0.0.1:5432/srm_bench',
} as const;

export interface BenchIndicator {
  id: number;
  index: number;
  source: 'manual' | 'derived';
  derivedKey: string | null;
  valueKind: 'count' | 'percent' | 'currency' | 'milestone';
  accumulation: 'non_cumulative' | 'cumulative' | 'snapshot';
  frequency: 'monthly' | 'quarterly' | 'semiannual' | 'annual';
  disaggregations: string[];
  periods: Period[];
  /** Periods begun by the as-of date: the ones updates are reported for. */
  begun: Period[];
  goalIndex: number;
  direction: 'increase' | 'decrease';
  targetValue: number;
  baselineValue: number;
}

export interface Structure {
  planId: number;
  users: { admin: string; staff: string[] };
  cityIds: number[];
  clusterIds: number[];
  partnerIds: number[];
  indicators: BenchIndicator[];
}
