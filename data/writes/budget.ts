import 'server-only';

/**
 * The budget's writes that its server actions call, and the plan's base currency they check a rate against: each
 * write a db/queries function that writes its change and its audit row in one transaction. Actions authorize
 * through the policy (data/action.ts) before calling them; app/ reaches the database only through data/.
 */
export { correctExpenditure, recordExpenditure, voidExpenditure } from '@/db/queries/budget/expenditures';
export { importExpenditures } from '@/db/queries/budget/import';
export { createBudgetLine, reviseBudgetLine, setBaseCurrency, updateBudgetLine } from '@/db/queries/budget/lines';
export { planBaseCurrency } from '@/db/queries/budget/utilisation';
