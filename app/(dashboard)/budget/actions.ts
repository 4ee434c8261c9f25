'use server';

import { z } from 'zod';
import { type Db, defineAction, type FieldErrors, type Outcome, type Translator } from '@/data/action';
import { budgetChanged, budgetRefusal, checkExpenditureFile, importReport, rowsFromJson, withAttempt } from '@/data/budget-forms';
import {
  baseCurrencySchema,
  budgetLineSchema,
  budgetRevisionSchema,
  expenditureCorrectionFormSchema,
  expenditureFormSchema,
  expenditureVoidSchema,
  rateProblems,
} from '@/lib/validation/budget';
import type { BudgetImportState } from '@/types/budget';
import { correctExpenditure, createBudgetLine, importExpenditures, planBaseCurrency, recordExpenditure, reviseBudgetLine, setBaseCurrency, updateBudgetLine, voidExpenditure } from '@/data/writes/budget';
import type { WriteResult } from '@/types/registries';

/**
 * The budget's server actions. Budget lines, revisions and the currency need 'budget.edit' (admins); expenditures
 * and their import 'expenditure.record' (staff and admins). Each write audits in its transaction (db/queries/budget).
 */

const edit = { policy: 'budget.edit', invalidMessage: 'budget.validation.form', finish: withAttempt } as const;
const record = { policy: 'expenditure.record', invalidMessage: 'budget.validation.form', finish: withAttempt } as const;

/** The answer to a write: its refusal, or the success message and what it made stale. */
function answer(t: Translator, result: WriteResult, doneKey: string): Outcome {
  return result.ok ? { ok: true, message: t(doneKey), invalidate: budgetChanged } : budgetRefusal(t, result);
}

/** Whether the rate fits the plan's currency, which the static schema cannot know: field errors, or null. */
async function rateRefusal(db: Db, t: Translator, input: { planId: number; amount: string; currency: string; rate: string }): Promise<Outcome | null> {
  const problems = rateProblems(input, await planBaseCurrency(db, input.planId));
  if (problems.length === 0) return null;
  const errors: FieldErrors = {};
  for (const { field, message } of problems) (errors[field] ??= []).push(t(message));
  return { ok: false, message: t('budget.validation.form'), errors };
}

export const createBudgetLineAction = defineAction({
  ...edit,
  schema: budgetLineSchema,
  body: async ({ db, actor, input, t }) => answer(t, await createBudgetLine(db, input, actor.id), 'budget.lines.saved'),
});

export const updateBudgetLineAction = defineAction({
  ...edit,
  schema: budgetLineSchema.extend({ id: z.coerce.number().int().positive() }),
  body: async ({ db, actor, input: { id, ...line }, t }) => answer(t, await updateBudgetLine(db, id, line, actor.id), 'budget.lines.saved'),
});

export const reviseBudgetLineAction = defineAction({
  ...edit,
  schema: budgetRevisionSchema,
  body: async ({ db, actor, input, t }) => answer(t, await reviseBudgetLine(db, input, actor.id), 'budget.lines.revised'),
});

export const setBudgetCurrencyAction = defineAction({
  ...edit,
  schema: baseCurrencySchema,
  body: async ({ db, actor, input, t }) => answer(t, await setBaseCurrency(db, input.planId, input.baseCurrency, actor.id), 'budget.lines.saved'),
});

export const recordExpenditureAction = defineAction({
  ...record,
  schema: expenditureFormSchema,
  body: async ({ db, actor, input: { planId, ...expenditure }, t }) =>
    (await rateRefusal(db, t, { planId, ...expenditure })) ??
    answer(t, await recordExpenditure(db, planId, expenditure, actor.id), 'budget.expenditures.recorded'),
});

export const correctExpenditureAction = defineAction({
  ...record,
  schema: expenditureCorrectionFormSchema,
  body: async ({ db, actor, input: { planId, ...correction }, t }) =>
    (await rateRefusal(db, t, { planId, ...correction })) ??
    answer(t, await correctExpenditure(db, planId, correction, actor.id), 'budget.expenditures.corrected'),
});

export const voidExpenditureAction = defineAction({
  ...record,
  schema: expenditureVoidSchema,
  body: async ({ db, actor, input, t }) =>
    answer(t, await voidExpenditure(db, input.planId, input.expenditureId, input.reason, actor.id), 'budget.expenditures.voidedDone'),
});

/** step=check: read and check the file, write nothing. step=import: check the posted rows again; write all or none. */
export const importExpendituresAction = defineAction({
  policy: 'expenditure.record',
  schema: z.object({ planId: z.coerce.number().int().positive(), step: z.enum(['check', 'import']).catch('check') }),
  refill: false,
  body: async ({ db, actor, input, formData, t }): Promise<Outcome & BudgetImportState> => {
    if (input.step === 'check') return checkExpenditureFile(db, t, input.planId, formData.get('file'));
    const rows = rowsFromJson(String(formData.get('rows') ?? ''));
    if (!rows) return { ok: false, message: t('budget.import.changed') };
    const source = String(formData.get('source') ?? 'upload').slice(0, 200);
    const result = await importExpenditures(db, input.planId, rows, actor.id, source);
    if (result.problems.length > 0) {
      return { ok: false, message: t('budget.import.refused', { count: result.problems.length }), problems: importReport(t, result.problems) };
    }
    return { ok: true, done: true, message: t('budget.import.imported', { count: result.imported }), invalidate: budgetChanged };
  },
});
