import 'server-only';

/**
 * The plan workbook import's writes, for its server action. Apart from ./plans.ts, which the review, logging and
 * window forms load on their pages: the workbook's reader is exceljs.
 */
export { importPlanWorkbook } from '@/db/queries/plan-admin/import';
export { MAX_PLAN_FILE_BYTES, readPlanWorkbook } from '@/db/queries/plan-admin/workbook';
