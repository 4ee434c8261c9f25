'use client';

import { useTranslations } from 'next-intl';
import type { PlanFormAction } from '@/types/forms';
import { PlanField, PlanForm } from './form-kit';

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
  return (
    <PlanForm
      action={action}
      idPrefix={goal ? `goal-${goal.id}` : 'goal-new'}
      hidden={goal ? { planId, goalId: goal.id } : { planId }}
      label={t('goal.submit')}
      pendingLabel={t('saving')}
    >
      {(f) => (
        <>
          <PlanField {...f} name="code" label={t('goal.code')} defaultValue={goal?.code} required maxLength={16} />
          <PlanField {...f} name="title" label={t('goal.title')} defaultValue={goal?.title} required maxLength={300} />
          <PlanField {...f} name="titleZh" label={t('goal.titleZh')} defaultValue={goal?.titleZh} maxLength={300} />
          <PlanField {...f} name="description" label={t('goal.description')} type="textarea" defaultValue={goal?.description} />
          <PlanField {...f} name="descriptionZh" label={t('goal.descriptionZh')} type="textarea" defaultValue={goal?.descriptionZh} />
        </>
      )}
    </PlanForm>
  );
}
