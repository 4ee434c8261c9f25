'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FileCheckStep } from '@/components/ui/file-check-step';
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
      labels={{ file: t('file'), check: t('check'), checking: t('checking'), reportCaption: t('reportCaption'), row: t('row'), column: t('column'), message: t('message') }}
      inputId="import-file"
      reportTestId="import-report"
    >
      {state.rows && state.validCount ? (
        <form action={formAction}>
          <input type="hidden" name="step" value="import" />
          <input type="hidden" name="rows" value={state.rows} />
          <button className="button" type="submit" disabled={pending}>
            {pending ? t('importing') : t('importGood', { count: state.validCount })}
          </button>
        </form>
      ) : null}
    </FileCheckStep>
  );
}
