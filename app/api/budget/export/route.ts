import { exportBudget } from '@/data/budget-export';

/** The budget's utilisation or its expenditures as CSV or XLSX (see data/budget-export.ts). */
export async function GET(request: Request) {
  return exportBudget(request);
}
