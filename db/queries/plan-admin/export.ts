import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../client';
import { goals, indicators, indicatorTargets, users } from '../../schema';
import { buildPlanWorkbook, formatMilestones, type GoalColumn, type IndicatorColumn } from './workbook';

/** The rows of a plan's spreadsheet: its active goals and indicators with their current targets. */
export async function planSpreadsheetRows(db: Db, planId: number) {
  const [goalRows, indicatorRows, milestoneRows] = await Promise.all([
    db.select().from(goals).where(and(eq(goals.planId, planId), isNull(goals.retiredAt))).orderBy(asc(goals.sortOrder), asc(goals.code)),
    db
      .select({ indicator: indicators, goalCode: goals.code, ownerEmail: users.email })
      .from(indicators)
      .innerJoin(goals, eq(goals.id, indicators.goalId))
      .leftJoin(users, eq(users.id, indicators.ownerId))
      .where(and(eq(indicators.planId, planId), isNull(indicators.retiredAt), isNull(goals.retiredAt)))
      .orderBy(asc(goals.sortOrder), asc(indicators.sortOrder), asc(indicators.code)),
    db
      .select({ indicatorId: indicatorTargets.indicatorId, periodEnd: indicatorTargets.periodEnd, target: indicatorTargets.targetValue })
      .from(indicatorTargets)
      .innerJoin(indicators, eq(indicators.id, indicatorTargets.indicatorId))
      .where(eq(indicators.planId, planId)),
  ]);
  const milestones = new Map<number, Record<string, number>>();
  for (const m of milestoneRows) milestones.set(m.indicatorId, { ...milestones.get(m.indicatorId), [m.periodEnd]: m.target });
  return {
    goals: goalRows.map(
      (g): Record<GoalColumn, string | null> => ({
        code: g.code,
        title: g.title,
        title_zh: g.titleZh,
        description: g.description,
        description_zh: g.descriptionZh,
      }),
    ),
    indicators: indicatorRows.map(
      ({ indicator: i, goalCode, ownerEmail }): Record<IndicatorColumn, string | number | null> => ({
        goal: goalCode,
        code: i.code,
        name: i.name,
        name_zh: i.nameZh,
        description: i.description,
        description_zh: i.descriptionZh,
        unit: i.unit,
        value_kind: i.valueKind,
        accumulation: i.accumulation,
        direction: i.direction,
        baseline_value: i.baselineValue,
        baseline_date: i.baselineDate,
        target_value: i.targetValue,
        target_date: i.targetDate,
        frequency: i.frequency,
        milestones: formatMilestones(milestones.get(i.id) ?? {}),
        owner_email: ownerEmail,
        source: i.source,
        derived_key: i.derivedKey,
        disaggregations: i.disaggregations.join(', '),
        definition: i.definition,
        means_of_verification: i.meansOfVerification,
        collection_method: i.collectionMethod,
        target_rationale: i.targetRationale,
      }),
    ),
  };
}

export async function exportPlanWorkbook(db: Db, planId: number): Promise<Buffer> {
  return buildPlanWorkbook(await planSpreadsheetRows(db, planId));
}
