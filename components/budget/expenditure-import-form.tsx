'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FileCheckStep, ImportStep, fileCheckLabels } from '@/components/ui/file-check-step';
import type { BudgetImportState } from '@/types/budget';
import { DataTable } from '@/components/ui/data-table';

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
      labels={fileCheckLabels(t)}
      inputId="expenditure-file"
      reportTestId="expenditure-import-report"
      hidden={{ planId }}
      messageRole="status"
    >
      {state.preview && state.rows && !state.done ? (
        <>
          <DataTable
            data-testid="expenditure-import-preview"
            caption={t('previewCaption')}
            showCaption
            head={
              <>
                {(['line', 'date', 'amount', 'currency', 'rate', 'description'] as const).map((col) => (
                  <th scope="col" key={col}>
                    {c(col)}
                  </th>
                ))}
              </>
            }
          >
            {state.preview.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </DataTable>
          <ImportStep
            formAction={formAction}
            pending={pending}
            rows={state.rows}
            hidden={{ planId }}
            label={t('importAll', { count: state.count ?? 0 })}
            pendingLabel={t('importing')}
          />
        </>
      ) : null}
    </FileCheckStep>
  );
}
