'use server';

import { requireActionUser } from '@/data/auth/session';
import { budgetForms, handleExpenditureImport, type BudgetFormState, type BudgetImportState } from '@/data/budget-forms';

/**
 * The budget's server actions. Each authorizes first — budget lines, revisions and the currency need
 * 'budget.edit' (admins); expenditures and their import 'expenditure.record' (staff and admins) — then hands the
 * form to data/budget-forms.ts, which validates with zod and writes with the audit row in one transaction.
 */

export async function createBudgetLineAction(_previous: BudgetFormState, formData: FormData): Promise<BudgetFormState> {
  return budgetForms.createLine(formData, (await requireActionUser('budget.edit')).id);
}

export async function updateBudgetLineAction(_previous: BudgetFormState, formData: FormData): Promise<BudgetFormState> {
  return budgetForms.updateLine(formData, (await requireActionUser('budget.edit')).id);
}

export async function reviseBudgetLineAction(_previous: BudgetFormState, formData: FormData): Promise<BudgetFormState> {
  return budgetForms.reviseLine(formData, (await requireActionUser('budget.edit')).id);
}

export async function setBudgetCurrencyAction(_previous: BudgetFormState, formData: FormData): Promise<BudgetFormState> {
  return budgetForms.setCurrency(formData, (await requireActionUser('budget.edit')).id);
}

export async function recordExpenditureAction(_previous: BudgetFormState, formData: FormData): Promise<BudgetFormState> {
  return budgetForms.record(formData, (await requireActionUser('expenditure.record')).id);
}

export async function correctExpenditureAction(_previous: BudgetFormState, formData: FormData): Promise<BudgetFormState> {
  return budgetForms.correct(formData, (await requireActionUser('expenditure.record')).id);
}

export async function voidExpenditureAction(_previous: BudgetFormState, formData: FormData): Promise<BudgetFormState> {
  return budgetForms.void(formData, (await requireActionUser('expenditure.record')).id);
}

export async function importExpendituresAction(_previous: BudgetImportState, formData: FormData): Promise<BudgetImportState> {
  return handleExpenditureImport(formData, (await requireActionUser('expenditure.record')).id);
}
