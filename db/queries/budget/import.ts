import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  EXPENDITURE_COLUMNS,
  expenditureColumnField,
  expenditureSchema,
  type ExpenditureInput,
} from '@/lib/validation/budget';
import type { Db } from '../../client';
import { budgetLines, workPlans } from '../../schema';
import { insertExpenditures } from './expenditures';
import { planBaseCurrency } from './utilisation';

/**
 * The expenditure import from a finance system's CSV/XLSX export: every row is checked (line codes, amounts,
 * currencies and rates, dates inside the plan) and reported by file row and column; the rows are written only
 * when none has a problem, all in one transaction — so a file is imported whole or not at all.
 */

export type ImportRow = Record<string, string>;
export interface RowProblem {
  /** The file's row number (the header is row 1). */
  row: number;
  column: string;
  messageKey: string;
}

const columnOfField = Object.fromEntries(Object.entries(expenditureColumnField).map(([column, f]) => [f, column]));

export async function checkExpenditureRows(db: Db, planId: number, rows: ImportRow[]): Promise<{ valid: ExpenditureInput[]; problems: RowProblem[] }> {
  const [plan] = await db.select().from(workPlans).where(eq(workPlans.id, planId));
  if (!plan) return { valid: [], problems: [{ row: 1, column: '', messageKey: 'budget.import.noPlan' }] };
  const base = await planBaseCurrency(db, planId);
  const lines = new Map(
    (await db.select({ id: budgetLines.id, code: budgetLines.code }).from(budgetLines).where(eq(budgetLines.planId, planId))).map((l) => [l.code.toLowerCase(), l.id]),
  );
  const schema = expenditureSchema(base);
  const valid: ExpenditureInput[] = [];
  const problems: RowProblem[] = [];
  if (rows.length > 0) {
    const missing = EXPENDITURE_COLUMNS.filter((c) => ['date', 'line', 'amount', 'currency', 'description'].includes(c) && !(c in rows[0]!));
    for (const column of missing) problems.push({ row: 1, column, messageKey: 'budget.import.missingColumn' });
    if (missing.length > 0) return { valid, problems };
  }
  rows.forEach((row, index) => {
    const fileRow = index + 2;
    const code = (row.line ?? '').trim();
    const lineId = lines.get(code.toLowerCase());
    const input = Object.fromEntries(EXPENDITURE_COLUMNS.map((c) => [expenditureColumnField[c], row[c] ?? '']));
    const parsed = schema.safeParse({ ...input, lineId: lineId ?? '' });
    const rowProblems: RowProblem[] = [];
    if (lineId === undefined) rowProblems.push({ row: fileRow, column: 'line', messageKey: code ? 'budget.import.lineUnknown' : 'budget.validation.lineRequired' });
    if (!parsed.success) {
      const errors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
      for (const [f, keys] of Object.entries(errors)) {
        if (f === 'lineId') continue;
        for (const k of keys ?? []) rowProblems.push({ row: fileRow, column: columnOfField[f] ?? f, messageKey: k });
      }
    } else if (parsed.data.spentOn < plan.startDate || parsed.data.spentOn > plan.endDate) {
      rowProblems.push({ row: fileRow, column: 'date', messageKey: 'budget.validation.dateOutsidePlan' });
    }
    if (plan.status === 'closed' && index === 0) rowProblems.push({ row: fileRow, column: 'line', messageKey: 'budget.validation.planClosed' });
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else if (parsed.success) valid.push(parsed.data);
  });
  return { valid, problems };
}

/** Checks again and writes every row, or nothing: the result names the problems when there are any. */
export async function importExpenditures(
  db: Db,
  planId: number,
  rows: ImportRow[],
  actorId: string,
  source: string,
): Promise<{ imported: number; problems: RowProblem[] }> {
  const { valid, problems } = await checkExpenditureRows(db, planId, rows);
  if (problems.length > 0 || valid.length === 0) return { imported: 0, problems };
  const imported = await db.transaction((tx) => insertExpenditures(tx, planId, valid, actorId, source));
  return { imported, problems: [] };
}
