import 'server-only';
import { getDb } from '@/db';
import { exportPlanWorkbook } from '@/db/queries/plan-admin/export';
import { findPlan } from '@/db/queries/plans';
import { requireUser } from '@/data/auth/session';

/**
 * The plan's export, behind the policy. Apart from data/plans.ts: its writer is exceljs, which the plan pages need
 * not load.
 */

/** A plan as an XLSX workbook (goals, indicators with targets), for readers who may export; undefined without that plan. */
export async function loadPlanWorkbook(year: number) {
  await requireUser('report.export');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan || plan.year !== year) return undefined;
  return { year: plan.year, body: await exportPlanWorkbook(db, plan.id) };
}
