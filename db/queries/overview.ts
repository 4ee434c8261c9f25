import { evaluateIndicator, type IndicatorEvaluation, type Status } from '@/lib/progress';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { Db } from '../client';
import { derivedActualsToDate, derivedRegistryOf, type DerivedRegistry } from './derived';
import { targetsInForce } from './plan-admin/targets-in-force';
import { asOfDateFor, findPlan, planGoals, planIndicators, type WorkPlan } from './plans';
import { actualsToDate, countedStatuses } from './progress';

export interface OverviewIndicator {
  id: number;
  code: string;
  name: string;
  nameZh: string | null;
  unit: string;
  valueKind: 'count' | 'percent' | 'currency' | 'milestone';
  accumulation: 'non_cumulative' | 'cumulative' | 'snapshot';
  direction: 'increase' | 'decrease';
  baselineValue: number;
  ownerName: string | null;
  lastUpdatedAt: string | null;
  /** For derived indicators: the registry the value is computed from (shown as a note); null for manual ones. */
  derivedFrom: DerivedRegistry | null;
  evaluation: IndicatorEvaluation;
}

export interface OverviewGoal {
  id: number;
  code: string;
  title: string;
  titleZh: string | null;
  indicators: OverviewIndicator[];
}

export interface Overview {
  plan: WorkPlan;
  asOf: string;
  includeSubmitted: boolean;
  goals: OverviewGoal[];
  statusCounts: Record<Status, number>;
}

/** Everything the overview shows, from four indexed reads; the arithmetic is lib/progress's. */
export async function getOverview(
  db: Db,
  options: { year?: number; includeSubmitted?: boolean } = {},
): Promise<Overview | undefined> {
  const plan = await findPlan(db, options.year);
  if (!plan) return undefined;
  const includeSubmitted = options.includeSubmitted ?? false;
  const asOf = await asOfDateFor(db, plan);
  const [goalRows, indicatorRows, milestones, actuals] = await Promise.all([
    planGoals(db, plan.id),
    planIndicators(db, plan.id),
    // The targets in force on the as-of date: later revisions do not rewrite the past.
    targetsInForce(db, plan.id, asOf),
    actualsToDate(db, plan.id, asOf, countedStatuses(includeSubmitted)),
  ]);
  // Derived indicators take their actual from the registries (db/queries/derived), not from progress updates.
  const derivedRows = indicatorRows.map((r) => r.indicator).filter((i) => i.source === 'derived');
  const derived = await derivedActualsToDate(db, plan, asOf, derivedRows);

  const statusCounts: Record<Status, number> = { ahead: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  const goalsById = new Map<number, OverviewGoal>(
    goalRows.map((g) => [g.id, { id: g.id, code: g.code, title: g.title, titleZh: g.titleZh, indicators: [] }]),
  );
  for (const { indicator: i, ownerName } of indicatorRows) {
    const actualRow = i.source === 'derived' ? derived.get(i.id) : actuals.get(i.id);
    const evaluation = evaluateIndicator({
      rule: {
        accumulation: i.accumulation,
        valueKind: i.valueKind,
        direction: i.direction,
        baselineValue: i.baselineValue,
        baselineDate: i.baselineDate,
        targetValue: milestones.get(i.id)?.finalTarget ?? i.targetValue,
        targetDate: i.targetDate,
      },
      milestones: milestones.get(i.id)?.milestones ?? [],
      actual: readingFromAggregate(i.valueKind, actualRow),
      asOf,
    });
    statusCounts[evaluation.status] += 1;
    goalsById.get(i.goalId)?.indicators.push({
      id: i.id,
      code: i.code,
      name: i.name,
      nameZh: i.nameZh,
      unit: i.unit,
      valueKind: i.valueKind,
      accumulation: i.accumulation,
      direction: i.direction,
      baselineValue: i.baselineValue,
      ownerName,
      lastUpdatedAt: actualRow?.lastUpdatedAt ?? null,
      derivedFrom: i.source === 'derived' ? (derivedRegistryOf(i.derivedKey) ?? null) : null,
      evaluation,
    });
  }
  return { plan, asOf, includeSubmitted, goals: [...goalsById.values()], statusCounts };
}
