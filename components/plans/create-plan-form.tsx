'use client';

import { useTranslations } from 'next-intl';
import type { PlanFormAction } from '@/types/forms';
import { PlanField, PlanForm, PlanSelect } from './form-kit';

/** Creates a draft plan for a year: empty, or copied forward from an earlier plan (the previous year's by default). */
export function CreatePlanForm({
  action,
  plans,
  defaultYear,
}: {
  action: PlanFormAction;
  plans: { id: number; year: number; title: string }[];
  defaultYear: number;
}) {
  const t = useTranslations('plans.create');
  const previous = plans.find((p) => p.year === defaultYear - 1);
  return (
    <PlanForm action={action} idPrefix="create-plan" label={t('submit')} pendingLabel={t('submitting')}>
      {(f) => (
        <>
          <PlanField {...f} name="year" label={t('year')} type="number" defaultValue={defaultYear} required />
          <PlanField {...f} name="title" label={t('planTitle')} defaultValue={`${defaultYear} work plan`} required maxLength={200} />
          <PlanField {...f} name="titleZh" label={t('titleZh')} maxLength={200} />
          <PlanField {...f} name="startDate" label={t('startDate')} type="date" defaultValue={`${defaultYear}-01-01`} required />
          <PlanField {...f} name="endDate" label={t('endDate')} type="date" defaultValue={`${defaultYear}-12-31`} required />
          <PlanSelect
            {...f}
            name="copyFromPlanId"
            label={t('copyFrom')}
            defaultValue={previous ? String(previous.id) : ''}
            options={[{ value: '', label: t('empty') }, ...plans.map((p) => ({ value: String(p.id), label: `${p.year} · ${p.title}` }))]}
          />
        </>
      )}
    </PlanForm>
  );
}
