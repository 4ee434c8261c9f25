'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { RowProblemsTable } from '@/components/ui/row-problems';
import type { BudgetImportState } from '@/types/budget';

/**
 * Two steps: check the file (every problem by row and column, or a preview of the rows; nothing written), then
 * import all its rows at once. A file with any problem cannot be imported: it is fixed and checked again.
 */
export function ExpenditureImportForm({ action, planId }: { action: (s: BudgetImportState, f: FormData) => Promise<BudgetImportState>; planId: number }) {
  const t = useTranslations('budget.import');
  const c = useTranslations('budget.columns');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <>
      <form action={formAction} className="form">
        <input type="hidden" name="step" value="check" />
        <input type="hidden" name="planId" value={planId} />
        <div className="field">
          <label htmlFor="expenditure-file">{t('file')}</label>
          <input id="expenditure-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        <div>
          <button className="button" type="submit" disabled={pending}>
            {pending ? t('checking') : t('check')}
          </button>
        </div>
      </form>
      <FormMessage state={state} role="status" />
      {state.problems && state.problems.length > 0 ? (
        <RowProblemsTable
          rows={state.problems}
          caption={t('reportCaption')}
          labels={{ row: t('row'), column: t('column'), message: t('message') }}
          testId="expenditure-import-report"
        />
      ) : null}
      {state.preview && state.rows && !state.done ? (
        <>
          <div className="table-wrap">
            <table data-testid="expenditure-import-preview">
              <caption>{t('previewCaption')}</caption>
              <thead>
                <tr>
                  {(['line', 'date', 'amount', 'currency', 'rate', 'description'] as const).map((col) => (
                    <th scope="col" key={col}>
                      {c(col)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.preview.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form action={formAction}>
            <input type="hidden" name="step" value="import" />
            <input type="hidden" name="planId" value={planId} />
            <input type="hidden" name="rows" value={state.rows} />
            <button className="button" type="submit" disabled={pending}>
              {pending ? t('importing') : t('importAll', { count: state.count ?? 0 })}
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
