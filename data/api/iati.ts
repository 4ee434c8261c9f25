import 'server-only';
import { getDb } from '@/db';
import { planGoals, planIndicators } from '@/db/queries/plans';
import { iatiActivityXml, type IatiResult } from '@/lib/iati/activity';
import { planSdgTags } from '@/db/queries/plan-admin/sdg-tags';
import { iatiSdgTags } from '@/lib/sdg';
import { planByYear } from './plans';
import { indicatorProgress } from './progress';

/**
 * A plan's IATI 2.03 activity file: its goals as results and its indicators with baselines, and per reporting
 * period the target and the actual — every number from ./progress, as the indicator pages show them. The
 * reporting organisation comes from IATI_REPORTING_ORG_REF / _TYPE / _NAME (the IATI organisation identifier).
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
    results,
  });
}
