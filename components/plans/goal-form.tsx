'use client';

import { useTranslations } from 'next-intl';
import type { PlanFormAction } from '@/types/forms';
import { FormFooter, PlanField, usePlanForm } from './form-kit';

interface GoalValues {
  id: number;
  code: string;
  title: string;
  titleZh: string | null;
  description: string | null;
  descriptionZh: string | null;
}

/** Adds a goal to a plan, or edits one (when `goal` is given). */
export function GoalForm({ action, planId, goal }: { action: PlanFormAction; planId: number; goal?: GoalValues }) {
  const t = useTranslations('plans');
  const [state, formAction, pending] = usePlanForm(action);
  const f = { idPrefix: goal ? `goal-${goal.id}` : 'goal-new', state };
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="planId" value={planId} />
      {goal ? <input type="hidden" name="goalId" value={goal.id} /> : null}
      <PlanField {...f} name="code" label={t('goal.code')} defaultValue={goal?.code} required maxLength={16} />
      <PlanField {...f} name="title" label={t('goal.title')} defaultValue={goal?.title} required maxLength={300} />
      <PlanField {...f} name="titleZh" label={t('goal.titleZh')} defaultValue={goal?.titleZh} maxLength={300} />
      <PlanField {...f} name="description" label={t('goal.description')} type="textarea" defaultValue={goal?.description} />
      <PlanField {...f} name="descriptionZh" label={t('goal.descriptionZh')} type="textarea" defaultValue={goal?.descriptionZh} />
      <FormFooter state={state} pending={pending} label={t('goal.submit')} pendingLabel={t('saving')} />
    </form>
  );
}
