import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { asOfDateFor, findPlan, listPlans, planIndicators } from '@/db/queries/plans';
import { formContext, seriesPoints } from '@/db/queries/updates/form-context';
import { findUpdateWithIndicator } from '@/db/queries/updates/history';
import { listUpdates, myReporting, planReporters } from '@/db/queries/updates/lists';
import { templateExamples } from '@/db/queries/updates/import';
import { ownUpdateIds, reviewedGoalIds } from '@/db/queries/updates/reviewers';
import { storedUpdateFlags } from '@/db/queries/updates/quality';
import { can } from '@/lib/auth/policy';
import { listLocks } from '@/db/queries/updates/locks';
import { openWithdrawalRequest, openWithdrawalRequests } from '@/db/queries/updates/withdrawals';
import { findIndicatorByCode, findPlanById } from '@/db/queries/updates/placement';
import { goals } from '@/db/schema';
import { requireUser } from '@/data/auth/session';
import { evidenceShownTo } from '@/data/evidence';
import { sealed } from '@/data/view-seal';
import { indicatorPageView, viewDay } from '@/data/views';
import { periodsBetween, periodKey, planPeriodChoices } from '@/lib/periods';
import type { UpdateListFilters } from '@/lib/validation/updates-filters';

/** The reads of the progress-update pages, behind the policy: pages and route handlers call these, never db/queries. */

async function planAndIndicator(code: string, year?: number) {
  const db = await getDb();
  const plan = await findPlan(db, year);
  const indicator = plan ? await findIndicatorByCode(db, plan.id, code) : undefined;
  return { db, plan, indicator };
}

/** The log-progress form: the indicator, its periods and registries, and the values to show beside the field. */
export async function loadLogForm(code: string, year?: number) {
  await requireUser('progress.log');
  const { db, plan, indicator } = await planAndIndicator(code, year);
  if (!plan || !indicator) return undefined;
  const asOf = await asOfDateFor(db, plan);
  const [context, points] = await Promise.all([formContext(db, plan, indicator, asOf), seriesPoints(db, indicator.id)]);
  return { plan, indicator, asOf, context, points };
}

/**
 * The indicator page: details, every update with its history, and the locks that apply — the same for every
 * reader, computed once per data version (indicatorPageView) — and each update's evidence as this caller is
 * shown it.
 */
export async function loadIndicatorPage(code: string, year?: number, updatesPage = 1) {
  const user = await requireUser('dashboard.read');
  const page = await indicatorPageView(...sealed(code, year ?? null, Math.max(1, Math.floor(updatesPage)), viewDay()));
  if (!page) return undefined;
  const { evidence, ...shown } = page;
  return { ...shown, evidence: evidenceShownTo(user, page.updates.map((u) => u.update), evidence) };
}

/** The correction and withdrawal form of one update. */
export async function loadUpdateForCorrection(updateId: number) {
  await requireUser('progress.log');
  const db = await getDb();
  const row = await findUpdateWithIndicator(db, updateId);
  if (!row) return undefined;
  const [plan, withdrawal] = await Promise.all([findPlanById(db, row.indicator.planId), openWithdrawalRequest(db, updateId)]);
  return { ...row, plan: plan!, withdrawal };
}

export { planPeriodChoices };

/**
 * The review queue: admins see every goal's submitted updates, a named reviewer those of their goals (lib/auth/policy
 * reviewVerdict); each row with its data-quality flags. Withdrawal requests and period locks are admins' only.
 */
export async function loadReviewQueue(filters: UpdateListFilters) {
  const user = await requireUser('progress.approve');
  const db = await getDb();
  const plan = await findPlan(db, filters.plan);
  if (!plan) return undefined;
  const allGoals = can(user.role, 'progress.review');
  const goalIds = allGoals ? undefined : await reviewedGoalIds(db, user.id, plan.id);
  const periods = planPeriodChoices(plan);
  const period = periods.find((p) => p.key === filters.period);
  const [rows, reporters, planGoals, locks] = await Promise.all([
    listUpdates(db, plan.id, {
      goal: filters.goal,
      goalIds,
      reporter: filters.reporter,
      periodFrom: period?.start,
      periodTo: period?.end,
      statuses: ['submitted'],
    }),
    planReporters(db, plan.id),
    db.select({ id: goals.id, code: goals.code, title: goals.title }).from(goals).where(eq(goals.planId, plan.id)).orderBy(goals.sortOrder),
    allGoals ? listLocks(db, plan.id) : Promise.resolve([]),
  ]);
  // The reviewer's own updates (reported or last changed by them) are listed without the review buttons.
  const [own, withdrawals, flags] = await Promise.all([
    ownUpdateIds(db, user.id, rows.map((r) => r.id)),
    allGoals ? openWithdrawalRequests(db) : Promise.resolve([]),
    storedUpdateFlags(db, plan, rows),
  ]);
  const reviewedGoals = goalIds ? planGoals.filter((g) => goalIds.includes(g.id)) : planGoals;
  return { plan, rows, reporters, goals: reviewedGoals, periods, locks, own, flags, withdrawals, userId: user.id, allGoals };
}

export async function loadMyReporting() {
  const user = await requireUser('progress.log');
  const db = await getDb();
  const plan = await findPlan(db);
  if (!plan) return undefined;
  const asOf = await asOfDateFor(db, plan);
  return { plan, asOf, ...(await myReporting(db, { userId: user.id, planId: plan.id, asOf })) };
}

/** The rows of an export, filtered as the review queue and indicator pages filter them. */
export async function loadExportRows(filters: UpdateListFilters) {
  await requireUser('report.export');
  const db = await getDb();
  const plan = await findPlan(db, filters.plan);
  if (!plan) return { plan: undefined, rows: [] };
  const period = planPeriodChoices(plan).find((p) => p.key === filters.period);
  const rows = await listUpdates(
    db,
    plan.id,
    {
      goal: filters.goal,
      indicator: filters.indicator,
      reporter: filters.reporter,
      periodFrom: period?.start,
      periodTo: period?.end,
      statuses: filters.status ? [filters.status] : undefined,
    },
    200_000,
  );
  return { plan, rows };
}

export async function loadPlans() {
  await requireUser('dashboard.read');
  return listPlans(await getDb());
}

/** The manual indicators of a plan, for choosing which one to log progress on. */
export async function loadIndicatorChoices(year?: number) {
  await requireUser('progress.log');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan) return [];
  const rows = await planIndicators(db, plan.id);
  return rows.filter((r) => r.indicator.source === 'manual').map((r) => ({ code: r.indicator.code, name: r.indicator.name }));
}

/** The import template's example rows: one per value kind, on the plan's own indicators and periods. */
export async function loadTemplateRows(year?: number): Promise<(string | number | null)[][]> {
  await requireUser('progress.import');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan) return [];
  const examples = await templateExamples(db, plan.id);
  const firstPeriod = (frequency: Parameters<typeof periodKey>[1]) => {
    const [p] = periodsBetween(frequency, plan.startDate, plan.endDate);
    return p ? periodKey(p, frequency) : plan.startDate;
  };
  const figures: Record<string, [string, string, string, string]> = {
    count: ['3', '', '', ''],
    currency: ['12500', '', '', ''],
    milestone: ['', '', '', 'yes'],
    percent: ['', '45', '60', ''],
  };
  return examples.map((e) => [e.code, firstPeriod(e.frequency), ...figures[e.valueKind]!, '', '', '', 'Example: replace with your figures', 'https://example.org/evidence', 'draft']);
}
