import 'server-only';
import { getDb } from '@/db';
import { indicatorOwners, indicatorSheet, listPlansWithCounts, steeringMeetings } from '@/db/queries/plan-admin/read';
import { listGoalReviewers, reviewerCandidates } from '@/db/queries/updates/reviewers';
import { exportPlanWorkbook } from '@/db/queries/plan-admin/export';
import { findPlan, planGoals } from '@/db/queries/plans';
import { can } from '@/lib/auth/policy';
import type { GoalReviewers } from '@/types/reviewers';
import { requireUser } from '@/data/auth/session';
import { planDetailView } from '@/data/views';
import { sealed } from '@/data/view-seal';

/** The reads of /plans, behind the policy: pages call these, never db/queries directly. */

export async function loadPlanList() {
  const user = await requireUser('dashboard.read');
  return { plans: await listPlansWithCounts(await getDb()), canEdit: can(user.role, 'plan.edit') };
}

export async function loadPlan(year: number) {
  const user = await requireUser('dashboard.read');
  const canEdit = can(user.role, 'plan.edit');
  // The plan is the same for every role (cached); the meetings an editor may endorse it at are read per request.
  const [detail, meetings] = await Promise.all([planDetailView(...sealed(year)), canEdit ? steeringMeetings(await getDb()) : Promise.resolve([])]);
  return detail ? { ...detail, canEdit, meetings } : undefined;
}

/** The indicator definition sheet, readable by every role that reads the dashboards. */
export async function loadIndicatorSheet(year: number, code: string) {
  const user = await requireUser('dashboard.read');
  const sheet = await indicatorSheet(await getDb(), year, code);
  return sheet ? { ...sheet, canEdit: can(user.role, 'plan.edit') } : undefined;
}

/** What the create and indicator forms offer: earlier plans to copy from, goals and possible owners. */
export async function loadPlanFormOptions() {
  await requireUser('plan.edit');
  const db = await getDb();
  const [plans, owners] = await Promise.all([listPlansWithCounts(db), indicatorOwners(db)]);
  return { plans, owners };
}

/**
 * The reviewers of a plan's goals, for staff and admins (who review, and whom to expect); the people who may be
 * named only for those who name them.
 */
export async function loadGoalReviewers(planId: number): Promise<(GoalReviewers & { canManage: boolean }) | undefined> {
  const user = await requireUser('dashboard.read');
  if (!can(user.role, 'progress.approve')) return undefined;
  const db = await getDb();
  const canManage = can(user.role, 'plan.edit');
  const [goalRows, reviewers, candidates] = await Promise.all([
    planGoals(db, planId).then((rows) => rows.map(({ id, code, title }) => ({ id, code, title }))),
    listGoalReviewers(db, planId),
    canManage ? reviewerCandidates(db) : Promise.resolve([]),
  ]);
  return { goals: goalRows, reviewers, candidates, canManage };
}

/** A plan as an XLSX workbook (goals, indicators with targets), for readers who may export; undefined without that plan. */
export async function loadPlanWorkbook(year: number) {
  await requireUser('report.export');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan || plan.year !== year) return undefined;
  return { year: plan.year, body: await exportPlanWorkbook(db, plan.id) };
}
