import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { moveGoalAction, retireGoalAction, saveGoalAction } from '@/app/(dashboard)/plans/actions';
import { moveIndicatorAction, retireIndicatorAction } from '@/app/(dashboard)/plans/indicator-actions';
import type { PlanDetail, PlanDetailIndicator } from '@/types/plans';
import { formatValue } from '@/lib/format';
import { RowActionForm } from './form-kit';
import { GoalForm } from './goal-form';
import { SdgTagsForm } from './sdg-tags-form';
import { SdgTags } from '@/components/ui/sdg-tags';
import { sdgChoiceGroups } from '@/lib/sdg';
import { setSdgTagsAction } from '@/app/(dashboard)/plans/sdg-actions';

type T = Awaited<ReturnType<typeof getTranslations>>;

function IndicatorRow({ indicator: i, year, editable, t, locale }: { indicator: PlanDetailIndicator; year: number; editable: boolean; t: T; locale: string }) {
  const href = `/plans/${year}/indicators/${encodeURIComponent(i.code)}`;
  const value = (v: number) => formatValue(locale, v, i.valueKind, i.unit);
  return (
    <tr data-indicator={i.code} className={i.retiredAt ? 'muted' : undefined}>
      <th scope="row">
        <Link href={href}>{i.code}</Link>
      </th>
      <td>
        {i.name}
        {i.retiredAt ? <div>{t('plans.plan.retired')}</div> : null}
        {i.hasUpdates ? <div className="muted">{t('plans.plan.hasUpdates')}</div> : null}
      </td>
      <td>
        {t('plans.plan.kindLine', {
          valueKind: t(`plans.indicator.valueKind.${i.valueKind}`),
          accumulation: t(`plans.indicator.accumulation.${i.accumulation}`),
          direction: t(`plans.indicator.direction.${i.direction}`),
        })}
      </td>
      <td className="num">{value(i.baselineValue)}</td>
      <td className="num">{value(i.targetValue)}</td>
      <td>{t(`plans.indicator.frequency.${i.frequency}`)}</td>
      <td>{i.ownerName ?? t('plans.none')}</td>
      {editable ? (
        <td>
          {i.retiredAt ? null : (
            <div style={{ display: 'flex', gap: '0.3rem', flexWrap: 'wrap' }}>
              <Link className="button" href={`${href}/edit`}>
                {t('plans.indicator.editLink')}
                <span className="visually-hidden"> {i.code}</span>
              </Link>
              <RowActionForm action={moveIndicatorAction} id={i.id} hidden={{ direction: 'up' }} label={t('plans.indicator.moveUp', { code: i.code })}>
                ↑
              </RowActionForm>
              <RowActionForm action={moveIndicatorAction} id={i.id} hidden={{ direction: 'down' }} label={t('plans.indicator.moveDown', { code: i.code })}>
                ↓
              </RowActionForm>
              <RowActionForm action={retireIndicatorAction} id={i.id} label={t('plans.indicator.retire', { code: i.code })} confirm={t('plans.indicator.retire', { code: i.code })}>
                ✕
              </RowActionForm>
            </div>
          )}
        </td>
      ) : null}
    </tr>
  );
}

/** A plan's goals, each with its indicators; with the editing controls when the reader may edit. */
export async function PlanGoals({ detail, editable }: { detail: PlanDetail; editable: boolean }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const { plan } = detail;
  if (detail.goals.length === 0) return <p className="muted">{t('plans.plan.noGoals')}</p>;
  return (
    <>
      {detail.goals.map((goal) => {
        const headingId = `goal-${goal.code}`;
        const goalEditable = editable && !goal.retiredAt;
        return (
          <section key={goal.id} className="card" aria-labelledby={headingId} data-goal={goal.code}>
            <h2 id={headingId}>
              {goal.code} · {goal.title}
              {goal.retiredAt ? <span className="muted"> ({t('plans.plan.retired')})</span> : null}
            </h2>
            {goal.description ? <p className="muted">{goal.description}</p> : null}
            <SdgTags codes={goal.sdgTags} locale={locale} label={t('sdg.tagsOf', { code: goal.code })} goalWord={t('sdg.goalWord')} targetWord={t('sdg.targetWord')} />
            {goalEditable ? (
              <div style={{ display: 'flex', gap: '0.4rem', flexWrap: 'wrap', alignItems: 'center' }}>
                <Link className="button" href={`/plans/${plan.year}/indicators/new?goal=${goal.id}`}>
                  {t('plans.indicator.addTo', { code: goal.code })}
                </Link>
                <RowActionForm action={moveGoalAction} id={goal.id} hidden={{ direction: 'up' }} label={t('plans.goal.moveUp', { code: goal.code })}>
                  ↑
                </RowActionForm>
                <RowActionForm action={moveGoalAction} id={goal.id} hidden={{ direction: 'down' }} label={t('plans.goal.moveDown', { code: goal.code })}>
                  ↓
                </RowActionForm>
                <RowActionForm action={retireGoalAction} id={goal.id} label={t('plans.goal.retire', { code: goal.code })} confirm={t('plans.goal.retireNote')}>
                  ✕
                </RowActionForm>
                <details style={{ flexBasis: '100%' }}>
                  <summary>{t('plans.goal.edit', { code: goal.code })}</summary>
                  <GoalForm action={saveGoalAction} planId={plan.id} goal={goal} />
                </details>
                <details style={{ flexBasis: '100%' }}>
                  <summary>{t('sdg.editGoal', { code: goal.code })}</summary>
                  <SdgTagsForm action={setSdgTagsAction} entity="goal" id={goal.id} selected={goal.sdgTags} groups={sdgChoiceGroups(locale)} idPrefix={`goal-${goal.id}`} />
                </details>
              </div>
            ) : null}
            {goal.indicators.length === 0 ? (
              <p className="muted">{t('plans.plan.noIndicators')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{goal.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('plans.plan.indicatorColumns.code')}</th>
                      <th scope="col">{t('plans.plan.indicatorColumns.name')}</th>
                      <th scope="col">{t('plans.plan.indicatorColumns.kind')}</th>
                      <th scope="col" className="num">{t('plans.plan.indicatorColumns.baseline')}</th>
                      <th scope="col" className="num">{t('plans.plan.indicatorColumns.target')}</th>
                      <th scope="col">{t('plans.plan.indicatorColumns.frequency')}</th>
                      <th scope="col">{t('plans.plan.indicatorColumns.owner')}</th>
                      {editable ? <th scope="col">{t('plans.plan.indicatorColumns.actions')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {goal.indicators.map((i) => (
                      <IndicatorRow key={i.id} indicator={i} year={plan.year} editable={editable} t={t} locale={locale} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
