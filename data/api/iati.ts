import 'server-only';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { planBudgetRevisions } from '@/db/queries/budget/series';
import { planBaseCurrency, utilisationAsOf } from '@/db/queries/budget/utilisation';
import type { WorkPlan } from '@/db/queries/plans';
import { planGoals, planIndicators } from '@/db/queries/plans';
import { planSdgTags } from '@/db/queries/plan-admin/sdg-tags';
import { iatiSdgTags } from '@/lib/sdg';
import { iatiActivityXml, type IatiBudget, type IatiResult } from '@/lib/iati/activity';
import { planByYear } from './plans';
import { indicatorProgress } from './progress';

/**
 * A plan's IATI 2.03 activity file: its goals as results and its indicators with baselines, and per reporting
 * period the target and the actual — every number from ./progress, as the indicator pages show them. The
 * reporting organisation comes from IATI_REPORTING_ORG_REF / _TYPE / _NAME (the IATI organisation identifier).
 * The plan's budget (db/queries/budget/utilisation.ts, the budget in force on a date) is an original budget — in
 * force on the plan's first day — and, when revisions changed the total, a revised one in force on its last day.
 */
export async function apiIatiActivity(year: number): Promise<string> {
  const plan = await planByYear(year);
  const db = await getDb();
  const [goals, indicators, tags] = await Promise.all([planGoals(db, plan.id), planIndicators(db, plan.id), planSdgTags(db, plan.id)]);
  const results: IatiResult[] = [];
  for (const goal of goals) {
    const own = indicators.filter((r) => r.indicator.goalId === goal.id).map((r) => r.indicator);
    if (own.length === 0) continue; // an IATI result needs at least one indicator
    const charts = await Promise.all(own.map((i) => indicatorProgress(db, plan, i.id, {})));
    results.push({
      code: goal.code,
      title: goal.title,
      indicators: own.map((i, n) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        valueKind: i.valueKind,
        direction: i.direction,
        baseline: { date: i.baselineDate, value: i.baselineValue },
        periods: (charts[n]?.points ?? []).map((p) => ({ start: p.period.start, end: p.period.end, target: p.target, actual: p.actual })),
      })),
    });
  }
  const budgets = await planBudgets(db, plan);
  const env = process.env;
  const ref = env.IATI_REPORTING_ORG_REF || 'XI-IATI-SRM-DEMO';
  return iatiActivityXml({
    reportingOrg: { ref, type: env.IATI_REPORTING_ORG_TYPE || '40', name: env.IATI_REPORTING_ORG_NAME || 'United Nations Office for South-South Cooperation' },
    identifier: `${ref}-SRC-${plan.year}`,
    title: plan.title,
    description: null,
    status: plan.status,
    startDate: plan.startDate,
    endDate: plan.endDate,
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    tags: iatiSdgTags([...[...tags.goals.values()].flat(), ...[...tags.indicators.values()].flat()]),
    budgets,
    results,
  });
}

async function planBudgets(db: Db, plan: WorkPlan): Promise<IatiBudget[]> {
  const [first, last, currency, revisions] = await Promise.all([
    utilisationAsOf(db, plan.id, plan.startDate),
    utilisationAsOf(db, plan.id, plan.endDate),
    planBaseCurrency(db, plan.id),
    planBudgetRevisions(db, plan.id),
  ]);
  if (!first.rows.some((r) => r.level === 'line')) return [];
  const total = (rows: typeof first.rows) => rows.find((r) => r.level === 'plan')!.budget;
  const period = { start: plan.startDate, end: plan.endDate, currency };
  const out: IatiBudget[] = [{ type: 'original', ...period, value: total(first.rows), valueDate: plan.startDate }];
  // Valued on the day of the last revision within the plan (revisions are in date order).
  const lastRevision = revisions.filter((r) => r.effectiveOn <= plan.endDate).at(-1)?.effectiveOn ?? plan.endDate;
  if (Number(total(last.rows)) !== Number(total(first.rows))) out.push({ type: 'revised', ...period, value: total(last.rows), valueDate: lastRevision });
  return out;
}
