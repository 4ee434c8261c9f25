/**
 * The chart shapes that components render: type-only re-exports of where each is computed, so a component never
 * depends on db/ or data/.
 */
export type { DerivedChartBreakdown } from '@/db/queries/derived/chart';
export type { IndicatorChart } from '@/db/queries/charts/indicator-chart';
export type { MapCity } from '@/db/read-model';
