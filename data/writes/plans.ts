import 'server-only';

/**
 * The plans' writes that their server actions call (plans, goals, indicators, targets, SDG tags, goal reviewers,
 * the reporting window, the workbook import) and the plan lookup they start from: each write a db/queries function
 * that writes its change and its audit row in one transaction. Actions authorize through the policy
 * (data/action.ts) before calling them; app/ reaches the database only through data/.
 */
export { reopenPeriod, setCycle, setWindow } from '@/db/queries/cycle/window-admin';
export { moveGoal, retireGoal, saveGoal } from '@/db/queries/plan-admin/goals';
export { importPlanWorkbook } from '@/db/queries/plan-admin/import';
export { moveIndicator, retireIndicator, saveIndicator } from '@/db/queries/plan-admin/indicators';
export { closePlan, createPlan, endorsePlan, updatePlan } from '@/db/queries/plan-admin/plans';
export { setSdgTags } from '@/db/queries/plan-admin/sdg-tags';
export { setTargets } from '@/db/queries/plan-admin/targets';
export { MAX_PLAN_FILE_BYTES, readPlanWorkbook } from '@/db/queries/plan-admin/workbook';
export { findPlan } from '@/db/queries/plans';
export { addGoalReviewer, removeGoalReviewer } from '@/db/queries/updates/reviewers';
