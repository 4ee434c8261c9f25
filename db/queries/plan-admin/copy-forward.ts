import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../client';
import { countedStatuses, currentKnowledge, planStanding } from '../../read-model';
import { goals, indicators } from '../../schema';
import type { Tx, WorkPlanRow } from './common';

export interface CopySummary {
  goals: number;
  indicators: number;
  /** Indicators with no approved value at the old plan's end: they keep their old baseline (and its date). */
  withoutActual: string[];
}

/**
 * The yearly copy-forward: the old plan's active goals and indicators become the new draft's, with the
 * actual to date at the old plan's end (approved updates, computed by the same SQL and lib/progress rules as
 * the dashboards, registries included for derived indicators) as each indicator's new baseline, dated the old plan's end. Final targets are carried over
 * as a starting point for the draft and dated the new plan's end; milestones are not, since the new year's
 * periods are different ones.
 */
export async function copyPlanContents(tx: Tx, from: WorkPlanRow, to: WorkPlanRow): Promise<CopySummary> {
  const sourceGoals = await tx
    .select()
    .from(goals)
    .where(and(eq(goals.planId, from.id), isNull(goals.retiredAt)))
    .orderBy(asc(goals.sortOrder), asc(goals.id));
  const goalIds = new Map<number, number>();
  for (const g of sourceGoals) {
    const [row] = await tx
      .insert(goals)
      .values({
        planId: to.id,
        code: g.code,
        title: g.title,
        titleZh: g.titleZh,
        description: g.description,
        descriptionZh: g.descriptionZh,
        sortOrder: g.sortOrder,
      })
      .returning({ id: goals.id });
    goalIds.set(g.id, row!.id);
  }

  const sourceIndicators = await tx
    .select()
    .from(indicators)
    .where(and(eq(indicators.planId, from.id), isNull(indicators.retiredAt)))
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
  // The read model's actual at the old plan's end (derived ones from the registries, the others from approved
  // progress updates), as every dashboard shows it.
  const standing = await planStanding(tx as unknown as Db, from, sourceIndicators, currentKnowledge(from.endDate), {
    statuses: countedStatuses(false),
  });
  const withoutActual: string[] = [];
  let copied = 0;
  for (const i of sourceIndicators) {
    const goalId = goalIds.get(i.goalId);
    if (goalId === undefined) continue; // its goal was retired: the indicator goes with it
    const actual = standing.get(i.id)?.reading.value ?? null;
    if (actual === null) withoutActual.push(i.code);
    const { id: _id, planId: _p, goalId: _g, createdAt: _c, updatedAt: _u, retiredAt: _r, ...fields } = i;
    await tx.insert(indicators).values({
      ...fields,
      planId: to.id,
      goalId,
      baselineValue: actual ?? i.baselineValue,
      baselineDate: actual === null ? i.baselineDate : from.endDate,
      targetDate: to.endDate,
    });
    copied += 1;
  }
  return { goals: goalIds.size, indicators: copied, withoutActual };
}
