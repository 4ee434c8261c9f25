/**
 * The read model: the one home of every progress figure — an indicator's value, achievement and status at a
 * clock, its period series and its breakdowns, for an indicator, a goal, a plan or a filter. Pages, the report
 * and its PDF, exports, the map and the tiles read through it; the rules it evaluates with live in lib/progress,
 * and the SQL functions and triggers it depends on in db/sql.
 */
export { currentKnowledge, knownOn, checkKnownOn, checkWithinPlan, ReadModelInputError, type ReadClock } from './clock';
export { countedStatuses, type ActualToDateRow, type AggregateRow, type PeriodAggregateRow, type UpdateStatus } from './counting';
export { hasUpdateFilters, type UpdateFilters } from './filters';
export { planActuals } from './plan-actuals';
export { updatesCreatedBy } from './plan-actuals-known-on';
export { indicatorSeries } from './series';
export { logBreakdown, isBreakdownDimension, BREAKDOWN_DIMENSIONS, type BreakdownDimension, type BreakdownRow } from './breakdown';
export { sparklines } from './sparklines';
export { derivedActuals, derivedSeries, derivedBreakdownOf, derivedRegistryOf, type DerivedChartBreakdown } from './derived';
export { planStanding, ruleOf, evaluateInRange, type IndicatorStanding } from './standing';
export { lastReporters, overdueIndicators, updatesChangedBetween } from './activity';
export { registryTiles, clusterOptions, type RegistryTiles, type TileFilters } from './registry-tiles';
export { mapCities, cityCard, type MapCity, type CityCard } from './map';
