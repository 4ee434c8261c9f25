import 'server-only';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import type { WriteResult } from '@/db/queries/registries/shared';
import { importExpenditures, checkExpenditureRows, type ImportRow } from '@/db/queries/budget/import';
import { planBaseCurrency } from '@/db/queries/budget/utilisation';
import { correctExpenditure, recordExpenditure, voidExpenditure } from '@/db/queries/budget/expenditures';
import { createBudgetLine, reviseBudgetLine, setBaseCurrency, updateBudgetLine } from '@/db/queries/budget/lines';
import { isFormData, refusalIfDatabaseUnavailable, unreadableRequest } from '@/data/form-data';
import {
  baseCurrencySchema,
  budgetLineSchema,
  budgetRevisionSchema,
  expenditureCorrectionSchema,
  expenditureSchema,
  expenditureVoidSchema,
  MAX_EXPENDITURE_ROWS,
} from '@/lib/validation/budget';
import { MAX_IMPORT_BYTES } from '@/lib/validation/registries-io';
import { XlsxRefused, xlsxRefusalMessage } from '@/lib/xlsx-archive';
import type { BudgetFormState, BudgetImportState } from '@/lib/budget/types';
import { parseUpload } from './registries-files';

/**
 * The budget's form steps, after the 'use server' module has authorized the caller: read the form, validate with
 * zod (field-level errors), call the write (which audits in its transaction), revalidate. Expected refusals come
 * back as typed states; an unavailable database as the standard "not saved" refusal.
 */

export type { BudgetFormState, BudgetImportState };

type T = Awaited<ReturnType<typeof getTranslations>>;

const formValues = (formData: FormData) =>
  Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === 'string' && !k.startsWith('$')).map(([k, v]) => [k, String(v)]));

function invalid(t: T, error: z.ZodError, values: Record<string, string>): BudgetFormState {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const errors: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(fieldErrors)) if (keys?.length) errors[field] = [...new Set(keys)].map((k) => t(k));
  return { ok: false, message: t('budget.validation.form'), errors, values, attempt: Date.now() };
}

function refused(t: T, result: Exclude<WriteResult, { ok: true }>, values: Record<string, string>): BudgetFormState {
  if (result.error === 'field') return { ok: false, message: t('budget.validation.form'), errors: { [result.field]: [t(result.messageKey)] }, values, attempt: Date.now() };
  return { ok: false, message: t('budget.validation.notFound'), values, attempt: Date.now() };
}

function revalidateBudget() {
  revalidatePath('/budget', 'layout');
  revalidatePath('/');
}

/** Runs one form: parse, write, answer; the database being unavailable is a typed refusal, not a 500. */
async function runForm<Input>(
  formData: unknown,
  schema: (values: Record<string, string>) => Promise<z.ZodType<Input>> | z.ZodType<Input>,
  write: (input: Input) => Promise<WriteResult>,
  doneKey: string,
): Promise<BudgetFormState> {
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const values = formValues(formData);
  try {
    const parsed = (await schema(values)).safeParse(values);
    if (!parsed.success) return invalid(t, parsed.error, values);
    const result = await write(parsed.data);
    if (!result.ok) return refused(t, result, values);
    revalidateBudget();
    return { ok: true, message: t(doneKey), attempt: Date.now() };
  } catch (error) {
    return refusalIfDatabaseUnavailable(error);
  }
}

const planIdOf = (values: Record<string, string>) => z.coerce.number().int().positive().catch(0).parse(values.planId);
const lineIdField = z.object({ id: z.coerce.number().int().positive() });

export const budgetForms = {
  createLine: (formData: unknown, actorId: string) =>
    runForm(formData, () => budgetLineSchema, async (input) => createBudgetLine(await getDb(), input, actorId), 'budget.lines.saved'),
  updateLine: (formData: unknown, actorId: string) =>
    runForm(
      formData,
      () => budgetLineSchema.and(lineIdField),
      async ({ id, ...input }) => updateBudgetLine(await getDb(), id, input, actorId),
      'budget.lines.saved',
    ),
  reviseLine: (formData: unknown, actorId: string) =>
    runForm(formData, () => budgetRevisionSchema, async (input) => reviseBudgetLine(await getDb(), input, actorId), 'budget.lines.revised'),
  setCurrency: (formData: unknown, actorId: string) =>
    runForm(formData, () => baseCurrencySchema, async (input) => setBaseCurrency(await getDb(), input.planId, input.baseCurrency, actorId), 'budget.lines.saved'),
  record: (formData: unknown, actorId: string) =>
    runForm(
      formData,
      async (v) => expenditureSchema(await planBaseCurrency(await getDb(), planIdOf(v))),
      async (input) => recordExpenditure(await getDb(), planIdOf(formValues(formData as FormData)), input, actorId),
      'budget.expenditures.recorded',
    ),
  correct: (formData: unknown, actorId: string) =>
    runForm(
      formData,
      async (v) => expenditureCorrectionSchema(await planBaseCurrency(await getDb(), planIdOf(v))),
      async (input) => correctExpenditure(await getDb(), planIdOf(formValues(formData as FormData)), input, actorId),
      'budget.expenditures.corrected',
    ),
  void: (formData: unknown, actorId: string) =>
    runForm(
      formData,
      () => expenditureVoidSchema,
      async (input) => voidExpenditure(await getDb(), planIdOf(formValues(formData as FormData)), input.expenditureId, input.reason, actorId),
      'budget.expenditures.voidedDone',
    ),
};


function rowsFromJson(text: string): ImportRow[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || value.length > MAX_EXPENDITURE_ROWS) return undefined;
    return value.map((r) => Object.fromEntries(Object.entries(r as object).map(([k, v]) => [String(k), String(v ?? '')])));
  } catch {
    return undefined;
  }
}

/** step=check: read and check the file, write nothing. step=import: check the posted rows again; write all or none. */
export async function handleExpenditureImport(formData: unknown, actorId: string): Promise<BudgetImportState> {
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const planId = planIdOf(formValues(formData));
  const report = (problems: { row: number; column: string; messageKey: string }[]) => problems.map((p) => ({ row: p.row, column: p.column, message: t(p.messageKey) }));
  try {
    const db = await getDb();
    if (formData.get('step') === 'import') {
      const rows = rowsFromJson(String(formData.get('rows') ?? ''));
      if (!rows) return { ok: false, message: t('budget.import.changed') };
      const result = await importExpenditures(db, planId, rows, actorId, String(formData.get('source') ?? 'upload').slice(0, 200));
      if (result.problems.length > 0) return { ok: false, message: t('budget.import.refused', { count: result.problems.length }), problems: report(result.problems) };
      revalidateBudget();
      return { ok: true, done: true, message: t('budget.import.imported', { count: result.imported }) };
    }
    const file = formData.get('file');
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
    if (check.problems.length > 0) return { ok: false, message: t('budget.import.refused', { count: check.problems.length }), problems: report(check.problems) };
    const preview = check.valid.slice(0, 50).map((r, i) => [rows[i]!.line ?? '', r.spentOn, r.amount, r.currency, r.rate, r.description]);
    return { ok: true, message: t('budget.import.ready', { count: check.valid.length }), preview, count: check.valid.length, rows: JSON.stringify(rows) };
  } catch (error) {
    return refusalIfDatabaseUnavailable(error);
  }
}
