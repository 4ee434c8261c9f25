import { getTranslations } from 'next-intl/server';
import { addGoalReviewerAction, removeGoalReviewerAction } from '@/app/(dashboard)/plans/reviewer-actions';
import { ActionForm } from '@/components/updates/action-form';
import type { GoalReviewers } from '@/types/reviewers';
import { DataTable } from '@/components/ui/data-table';

/**
 * Each goal's named reviewers (who approve and return its progress updates besides the admins), as a table; admins
 * name staff or admins and remove them. Nobody ever reviews their own update, whoever is named.
 */
export async function ReviewersPanel({ data, canManage }: { data: GoalReviewers; canManage: boolean }) {
  const t = await getTranslations('plans.reviewers');
  return (
    <section className="card" aria-labelledby="reviewers-title" data-reviewers>
      <h2 id="reviewers-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <DataTable
        empty={data.goals.length === 0 && t('noGoals')}
        caption={t('caption')}
        head={
          <>
            <th scope="col">{t('goal')}</th>
            <th scope="col">{t('reviewers')}</th>
            {canManage ? <th scope="col">{t('add')}</th> : null}
          </>
        }
      >
        {data.goals.map((g) => {
          const named = data.reviewers.filter((r) => r.goalId === g.id);
          const candidates = data.candidates.filter((c) => !named.some((r) => r.userId === c.id));
          return (
            <tr key={g.id} data-goal={g.code}>
              <th scope="row">
                {g.code} {g.title}
              </th>
              <td>
                {named.length === 0 ? <span className="muted">{t('none')}</span> : null}
                <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                  {named.map((r) => (
                    <li key={r.userId} data-reviewer={r.email}>
                      {r.name} <span className="muted">({r.email})</span>
                      {canManage ? (
                        <ActionForm
                          action={removeGoalReviewerAction}
                          hidden={{ goalId: g.id, userId: r.userId }}
                          label={t('remove', { name: r.name })}
                          pendingLabel={t('working')}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              </td>
              {canManage ? (
                <td>
                  {candidates.length === 0 ? (
                    <span className="muted">{t('noCandidates')}</span>
                  ) : (
                    <ActionForm action={addGoalReviewerAction} hidden={{ goalId: g.id }} label={t('addButton')} pendingLabel={t('working')}>
                      <label>
                        <span className="visually-hidden">{t('person', { goal: g.code })}</span>
                        <select name="userId" required defaultValue="">
                          <option value="" disabled>
                            {t('choose')}
                          </option>
                          {candidates.map((c) => (
                            <option key={c.id} value={c.id}>
                              {c.name} ({c.email})
                            </option>
                          ))}
                        </select>
                      </label>
                    </ActionForm>
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
