import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreatedNote } from '@/components/plans/created-note';
import { GoalForm } from '@/components/plans/goal-form';
import { PlanGoals } from '@/components/plans/plan-goals';
import { ClosePlanForm, EditPlanForm, EndorsePlanForm } from '@/components/plans/plan-status-forms';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { loadGoalReviewers, loadPlan } from '@/data/plans';
import { ReviewersPanel } from '@/components/plans/reviewers-panel';
import { WindowsPanel } from '@/components/cycle/windows-panel';
import { loadWindows } from '@/data/cycle';
import { formatDate } from '@/lib/format';
import { clampAsOf } from '@/lib/periods';
import { yearField } from '@/lib/validation/plans';
import { closePlanAction, endorsePlanAction, saveGoalAction, updatePlanAction } from '../actions';

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  const t = await getTranslations('plans');
  return { title: `${(await params).year} · ${t('title')}` };
}

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('dashboard.read');
  const query = await searchParams;
  const year = yearField.safeParse((await params).year);
  if (!year.success) notFound();
  const [detail, t, locale] = await Promise.all([loadPlan(year.data), getTranslations('plans'), getLocale()]);
  if (!detail) notFound();
  const { plan, canEdit } = detail;
  const [windows, reviewers] = await Promise.all([loadWindows(plan), loadGoalReviewers(plan.id)]);
  const editable = canEdit && plan.status !== 'closed';
  const today = new Date().toISOString().slice(0, 10);
  const note = plan.status === 'draft' ? t('plan.draftNote') : plan.status === 'endorsed' ? t('plan.endorsedNote') : t('plan.closedNote');
  return (
    <>
      <h1>
        {plan.title} <span className="muted">({t(`status.${plan.status}`)})</span>
      </h1>
      <p>
        {t('plan.period', { start: formatDate(locale, plan.startDate), end: formatDate(locale, plan.endDate) })}
        {plan.endorsedOn ? <> · {t('plan.endorsedOn', { date: formatDate(locale, plan.endorsedOn) })}</> : null}
        {detail.endorsedAt ? <> {t('plan.endorsedAt', { meeting: detail.endorsedAt.title })}</> : null}
        {plan.closedOn ? <> · {t('plan.closedOn', { date: formatDate(locale, plan.closedOn) })}</> : null}
      </p>
      {canEdit && query.created === '1' ? <CreatedNote detail={detail} noActual={query.noActual} /> : null}
      {detail.copiedFromYear ? <p className="muted">{t('plan.copiedFrom', { year: detail.copiedFromYear })}</p> : null}
      {canEdit ? <p className="muted">{note}</p> : null}
      <p style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        <Link href={`/?plan=${plan.year}`}>{t('plan.viewOverview')}</Link>
        <a href={`/api/plans/${plan.year}/export`}>{t('plan.export')}</a>
        {can(user.role, 'iati.export') ? <a href={`/api/v1/plans/${plan.year}/iati`}>{t('plan.exportIati')}</a> : null}
        {canEdit && plan.status === 'draft' ? <Link href={`/plans/${plan.year}/import`}>{t('plan.import')}</Link> : null}
      </p>
      {canEdit && plan.status === 'draft' ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: '1rem' }}>
          <section className="card" aria-labelledby="edit-plan-title">
            <h2 id="edit-plan-title">{t('edit.title')}</h2>
            <EditPlanForm action={updatePlanAction} plan={plan} />
          </section>
          <section className="card" aria-labelledby="endorse-plan-title">
            <h2 id="endorse-plan-title">{t('endorse.title')}</h2>
            <p className="muted">{t('endorse.intro')}</p>
            <EndorsePlanForm action={endorsePlanAction} plan={plan} meetings={detail.meetings} today={today} />
          </section>
        </div>
      ) : null}
      {canEdit && plan.status === 'endorsed' ? (
        <section className="card" aria-labelledby="close-plan-title">
          <h2 id="close-plan-title">{t('close.title')}</h2>
          <p className="muted">{t('close.intro')}</p>
          <ClosePlanForm action={closePlanAction} plan={plan} today={clampAsOf(today, plan.endDate, '9999-12-31')} />
        </section>
      ) : null}
      <PlanGoals detail={detail} editable={editable} />
      <WindowsPanel {...windows} />
      {reviewers ? <ReviewersPanel data={reviewers} canManage={reviewers.canManage && plan.status !== 'closed'} /> : null}
      {editable ? (
        <section className="card" aria-labelledby="add-goal-title">
          <h2 id="add-goal-title">{t('goal.add')}</h2>
          <GoalForm action={saveGoalAction} planId={plan.id} />
        </section>
      ) : null}
    </>
  );
}
