'use client';

import type { ReactNode } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { RowProblemsTable, type RowProblemItem } from '@/components/ui/row-problems';
import type { FormState } from '@/types/action';

const SPREADSHEETS = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FileCheckLabels {
  file: string;
  check: string;
  checking: string;
  reportCaption: string;
  row: string;
  column: string;
  message: string;
}

/** The labels from an import's message namespace, where each import names them alike. */
export const fileCheckLabels = (t: (key: keyof FileCheckLabels) => string): FileCheckLabels => ({
  file: t('file'),
  check: t('check'),
  checking: t('checking'),
  reportCaption: t('reportCaption'),
  row: t('row'),
  column: t('column'),
  message: t('message'),
});

/**
 * The first step of a two-step file import: choose a CSV or XLSX file and check it (nothing is written); the
 * answer's message and, row by row, every problem the check found. The second step (import) is the caller's,
 * since what it shows before importing differs (a count of good rows, a preview).
 */
export function FileCheckStep({
  formAction,
  pending,
  state,
  labels,
  inputId,
  reportTestId,
  hidden = {},
  messageRole,
  children,
}: {
  formAction: (formData: FormData) => void;
  pending: boolean;
  state: FormState<{ problems: RowProblemItem[] }>;
  labels: FileCheckLabels;
  inputId: string;
  reportTestId: string;
  /** Fields the action needs besides the file (e.g. the plan). */
  hidden?: Record<string, string | number>;
  messageRole?: 'status';
  /** The second step, shown below the report. */
  children?: ReactNode;
}) {
  return (
    <>
      <form action={formAction} className="form">
        <input type="hidden" name="step" value="check" />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor={inputId}>{labels.file}</label>
          <input id={inputId} name="file" type="file" accept={SPREADSHEETS} required />
        </div>
        <div>
          <button className="button" type="submit" disabled={pending}>
            {pending ? labels.checking : labels.check}
          </button>
        </div>
      </form>
      <FormMessage state={state} role={messageRole} />
      {state.problems && state.problems.length > 0 ? (
        <RowProblemsTable
          rows={state.problems}
          caption={labels.reportCaption}
          labels={{ row: labels.row, column: labels.column, message: labels.message }}
          testId={reportTestId}
        />
      ) : null}
      {children}
    </>
  );
}

/** The second step: import the checked rows, which travel back with it (the action checks them again). */
export function ImportStep({
  formAction,
  pending,
  rows,
  hidden = {},
  label,
  pendingLabel,
}: {
  formAction: (formData: FormData) => void;
  pending: boolean;
  rows: string;
  hidden?: Record<string, string | number>;
  label: string;
  pendingLabel: string;
}) {
  return (
    <form action={formAction}>
      <input type="hidden" name="step" value="import" />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="rows" value={rows} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
