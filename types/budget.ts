import type { FormState } from './action';

/**
 * The shapes the budget's queries return and its pages show (money as decimal text), and the states its forms
 * answer with: named once here, since db/ returns them and components/ receive them.
 */

export interface BudgetRevision {
  id: number;
  effectiveOn: string;
  lineCode: string;
  oldAmount: string;
  newAmount: string;
  reason: string;
  revisedBy: string | null;
}

export interface Expenditure {
  id: number;
  spentOn: string;
  lineId: number;
  lineCode: string;
  amount: string;
  currency: string;
  rate: string;
  baseAmount: string;
  description: string;
  reference: string | null;
  evidenceUrl: string | null;
  recordedBy: string | null;
  correctionReason: string | null;
  replacesId: number | null;
  supersededAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
}

/** A budget form's answer; `attempt` changes on every answer, so the form remounts with the values it returned. */
export type BudgetFormState = FormState<{ attempt: number }>;

/** The import form's state: the report of problems, or the preview and the rows to import. */
export type BudgetImportState = FormState<{
  problems: { row: number; column: string; message: string }[];
  preview: string[][];
  count: number;
  /** The checked rows (JSON), posted back by "import all"; they are checked again then. */
  rows: string;
  done: boolean;
}>;
