'use client';

import { useTranslations } from 'next-intl';
import type { PlanFormAction } from '@/types/forms';
import { FormFooter, PlanField, PlanSelect, usePlanForm } from './form-kit';

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
  const [state, formAction, pending] = usePlanForm(action);
  const previous = plans.find((p) => p.year === defaultYear - 1);
  const f = { idPrefix: 'create-plan', state };
  return (
    <form action={formAction} className="form" noValidate>
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
      <FormFooter state={state} pending={pending} label={t('submit')} pendingLabel={t('submitting')} />
    </form>
  );
}
