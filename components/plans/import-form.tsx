'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { PlanFormState as PlanImportState } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** Uploads a plan spreadsheet; shows what was imported and, row by row, what was wrong. */
export function ImportPlanForm({
  action,
  planId,
}: {
  action: (state: PlanImportState, formData: FormData) => Promise<PlanImportState>;
  planId: number;
}) {
  const t = useTranslations('plans.import');
  const [state, formAction, pending] = useActionState(action, {} as PlanImportState);
  const fileErrors = state.errors?.file;
  return (
    <>
      <form action={formAction} className="form" noValidate>
        <input type="hidden" name="planId" value={planId} />
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby={fileErrors?.length ? 'import-file-error' : undefined}
          />
          <FieldError id="import-file-error" errors={fileErrors} />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="validOnly" value="1" /> {t('validOnly')}
        </label>
        <FormMessage state={state}>
          {state.notes?.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </FormMessage>
        <SubmitButton pending={pending} label={t('submit')} pendingLabel={t('submitting')} />
      </form>
      {state.problems?.length ? (
        <section className="card" aria-labelledby="import-problems-title">
          <h2 id="import-problems-title">{t('errorsTitle')}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('columns.sheet')}</th>
                  <th scope="col" className="num">{t('columns.row')}</th>
                  <th scope="col">{t('columns.column')}</th>
                  <th scope="col">{t('columns.message')}</th>
                </tr>
              </thead>
              <tbody>
                {state.problems.map((p, i) => (
                  <tr key={`${p.sheet}-${p.row}-${p.column}-${i}`}>
                    <td>{p.sheet}</td>
                    <td className="num">{p.row}</td>
                    <td>{p.column}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
