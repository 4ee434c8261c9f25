'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { RowProblemsTable } from '@/components/ui/row-problems';
import type { ImportState } from '@/types/forms';
import { FormMessage } from '@/components/ui/form-message';

type Action = (state: ImportState, formData: FormData) => Promise<ImportState>;

/**
 * Two steps: check a file (a report of every problem by row and column, nothing written), then, if the user
 * chooses, import the valid rows. The rows travel back with the second step and are checked again.
 */
export function ImportForm({ action }: { action: Action }) {
  const t = useTranslations('registries.import');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <>
      <form action={formAction} className="form">
        <input type="hidden" name="step" value="check" />
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
          <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        <div>
          <button className="button" type="submit" disabled={pending}>
            {pending ? t('checking') : t('check')}
          </button>
        </div>
      </form>
      <FormMessage state={state} />
      {state.problems && state.problems.length > 0 ? (
        <RowProblemsTable
          rows={state.problems}
          caption={t('reportCaption')}
          labels={{ row: t('row'), column: t('column'), message: t('message') }}
          testId="import-report"
        />
      ) : null}
      {state.rows && state.validCount ? (
        <form action={formAction}>
          <input type="hidden" name="step" value="import" />
          <input type="hidden" name="rows" value={state.rows} />
          <button className="button" type="submit" disabled={pending}>
            {pending ? t('importing') : t('importGood', { count: state.validCount })}
          </button>
        </form>
      ) : null}
    </>
  );
}
