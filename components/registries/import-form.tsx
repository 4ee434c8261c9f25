'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FileCheckStep, ImportStep, fileCheckLabels } from '@/components/ui/file-check-step';
import type { ImportState } from '@/types/forms';

type Action = (state: ImportState, formData: FormData) => Promise<ImportState>;

/**
 * Two steps: check a file (a report of every problem by row and column, nothing written), then, if the user
 * chooses, import the valid rows. The rows travel back with the second step and are checked again.
 */
export function ImportForm({ action }: { action: Action }) {
  const t = useTranslations('registries.import');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <FileCheckStep
      formAction={formAction}
      pending={pending}
      state={state}
      labels={fileCheckLabels(t)}
      inputId="import-file"
      reportTestId="import-report"
    >
      {state.rows && state.validCount ? (
        <ImportStep formAction={formAction} pending={pending} rows={state.rows} label={t('importGood', { count: state.validCount })} pendingLabel={t('importing')} />
      ) : null}
    </FileCheckStep>
  );
}
