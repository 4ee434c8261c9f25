// The row shapes the derivations (db/queries/derived) share with the read model, which owns them.
export type { ActualToDateRow, AggregateRow, PeriodAggregateRow } from '../read-model/counting';
