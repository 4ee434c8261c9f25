'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FileCheckStep } from '@/components/ui/file-check-step';
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
    <FileCheckStep
      formAction={formAction}
      pending={pending}
      state={state}
      labels={{ file: t('file'), check: t('check'), checking: t('checking'), reportCaption: t('reportCaption'), row: t('row'), column: t('column'), message: t('message') }}
      inputId="expenditure-file"
      reportTestId="expenditure-import-report"
      hidden={{ planId }}
      messageRole="status"
    >
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
    </FileCheckStep>
  );
}
