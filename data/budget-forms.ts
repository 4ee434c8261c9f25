import 'server-only';
import type { WriteResult } from '@/db/queries/registries/shared';
import { checkExpenditureRows, type ImportRow, type RowProblem } from '@/db/queries/budget/import';
import type { Db } from '@/db/client';
import { MAX_EXPENDITURE_ROWS } from '@/lib/validation/budget';
import { MAX_IMPORT_BYTES } from '@/lib/validation/registries-io';
import { XlsxRefused, xlsxRefusalMessage } from '@/lib/xlsx-archive';
import type { BudgetFormState, BudgetImportState } from '@/types/budget';
import type { FormState } from '@/types/action';
import type { Outcome, Translator } from './action';
import type { Change } from './invalidate';
import { parseUpload } from './registries-files';

/**
 * What the budget's actions (app/(dashboard)/budget/actions.ts) share besides the wrapper's steps: the answer to
 * a refused write, the marker that remounts a form, and the import's reading and checking of a file.
 */

export const budgetChanged: Change[] = [{ kind: 'budget' }];

/** Every answer of a budget form carries a new attempt, so the form remounts with the values it returned. */
export const withAttempt = (answer: FormState): BudgetFormState => ({ ...answer, attempt: Date.now() });

/** A write's refusal: under the field it concerns, or "not found". */
export function budgetRefusal(t: Translator, result: Exclude<WriteResult, { ok: true }>): Outcome {
  if (result.error === 'field') return { ok: false, message: t('budget.validation.form'), errors: { [result.field]: [t(result.messageKey)] } };
  return { ok: false, message: t('budget.validation.notFound') };
}

/** The problems of a file, translated, by row and column. */
export const importReport = (t: Translator, problems: RowProblem[]) => problems.map((p) => ({ row: p.row, column: p.column, message: t(p.messageKey) }));

/** The rows posted back by "import all", or undefined when they are not what the check sent. */
export function rowsFromJson(text: string): ImportRow[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || value.length > MAX_EXPENDITURE_ROWS) return undefined;
    return value.map((r) => Object.fromEntries(Object.entries(r as object).map(([k, v]) => [String(k), String(v ?? '')])));
  } catch {
    return undefined;
  }
}

/** step=check: reads the file and checks every row, writing nothing; the answer is the report or a preview. */
export async function checkExpenditureFile(db: Db, t: Translator, planId: number, file: unknown): Promise<Outcome & BudgetImportState> {
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: t('budget.import.noFile') };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, message: t('budget.import.tooLarge') };
  let rows: ImportRow[];
  try {
    rows = await parseUpload(file.name, await file.arrayBuffer());
  } catch (error) {
    if (!(error instanceof XlsxRefused)) return { ok: false, message: t('budget.import.unreadable') };
    const { key, values } = xlsxRefusalMessage(error);
    return { ok: false, message: t(`files.xlsx.${key}`, values) };
  }
  if (rows.length === 0) return { ok: false, message: t('budget.import.noRows') };
  if (rows.length > MAX_EXPENDITURE_ROWS) return { ok: false, message: t('budget.import.tooManyRows', { max: MAX_EXPENDITURE_ROWS }) };
  const check = await checkExpenditureRows(db, planId, rows);
  if (check.problems.length > 0) {
    return { ok: false, message: t('budget.import.refused', { count: check.problems.length }), problems: importReport(t, check.problems) };
  }
  const preview = check.valid.slice(0, 50).map((r, i) => [rows[i]!.line ?? '', r.spentOn, r.amount, r.currency, r.rate, r.description]);
  return { ok: true, message: t('budget.import.ready', { count: check.valid.length }), preview, count: check.valid.length, rows: JSON.stringify(rows) };
}
