import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { indicatorChart } from '@/db/queries/charts/indicator-chart';
import { resolveRange } from '@/db/queries/overview';
import { asOfDateFor, findPlan, listPlans, planGoals } from '@/db/queries/plans';
import { listShareLinks, openShareLink, type SharedView } from '@/db/queries/share-links';
import { goals, indicators } from '@/db/schema';
import { requireUser } from '@/data/auth/session';
import { budgetSummary } from '@/db/queries/budget/summary';
import { readCommitteeReport } from './report';

/**
 * Share links. The admins' reads go through the policy ('share.manage'). A shared page has no session: the link
 * is its authorization, checked on every request by openShareLink (unknown, revoked or expired → nothing), and
 * what it shows is read with the very functions the signed-in pages use (the report's read, the indicator
 * chart's), for the plan, goal and as-of date the link fixes — nothing the visitor sends changes them.
 */

export async function loadShareLinks() {
  await requireUser('share.manage');
  return listShareLinks(await getDb());
}

/** The form's choices: plans by year, their goals, and the latest plan's as-of date as the default. */
export async function loadShareLinkChoices() {
  await requireUser('share.manage');
  const db = await getDb();
  const plans = await listPlans(db);
  const years = [...new Set(plans.map((p) => p.year))];
  const goalRows = (await Promise.all(plans.map(async (p) => (await planGoals(db, p.id)).map((g) => ({ year: p.year, code: g.code, title: g.title }))))).flat();
  const seen = new Set<string>();
  const uniqueGoals = goalRows.filter((g) => !seen.has(`${g.year}:${g.code}`) && seen.add(`${g.year}:${g.code}`));
  const current = await findPlan(db);
  return { years, goals: uniqueGoals, defaultYear: current?.year, defaultAsOf: current ? await asOfDateFor(db, current) : undefined };
}

/** The view a link opens, or null: the page then says the link does not work, and shows nothing else. */
export async function openSharedView(token: string): Promise<SharedView | null> {
  const result = await openShareLink(await getDb(), token);
  return result.ok ? result.view : null;
}

/** Most charts a shared goal page shows (a goal's first indicators in the plan's order). */
const SHARED_GOAL_CHARTS = 20;

export async function readSharedReport(view: SharedView) {
  return readCommitteeReport({ plan: view.year, asOf: view.asOf, open: 'all' });
}

/**
 * The shared report's budget section: the summary the signed-in report's section reads (data/budget.ts, utilisation
 * from db/queries/budget/utilisation.ts), for the link's plan and as of its date.
 */
export async function readSharedBudget(view: SharedView) {
  const db = await getDb();
  const plan = await findPlan(db, view.year);
  return plan ? budgetSummary(db, plan, view.asOf) : undefined;
}

export async function readSharedGoal(view: SharedView) {
  const db = await getDb();
  const plan = await findPlan(db, view.year);
  if (!plan || !view.goalCode) return undefined;
  const [goal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.planId, plan.id), eq(goals.code, view.goalCode), isNull(goals.retiredAt)));
  if (!goal) return undefined;
  const rows = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.goalId, goal.id), isNull(indicators.retiredAt)))
    .orderBy(asc(indicators.sortOrder), asc(indicators.code))
    .limit(SHARED_GOAL_CHARTS);
  // The link's date resolved as the pages resolve theirs (never after the plan's own as-of date).
  const { asOf } = resolveRange(plan, await asOfDateFor(db, plan), undefined, view.asOf);
  const charts = await Promise.all(rows.map((r) => indicatorChart(db, r.id, { asOf })));
  return { plan, goal, charts: charts.filter((c) => c !== undefined) };
}
