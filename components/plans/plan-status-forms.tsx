'use client';

import { useTranslations } from 'next-intl';
import type { PlanFormAction } from '@/types/forms';
import { PlanField, PlanForm, PlanSelect } from './form-kit';

interface PlanRef {
  id: number;
  year: number;
  title: string;
  titleZh: string | null;
  startDate: string;
  endDate: string;
}

/** Title and dates of a draft plan. */
export function EditPlanForm({ action, plan }: { action: PlanFormAction; plan: PlanRef }) {
  const t = useTranslations('plans');
  return (
    <PlanForm action={action} idPrefix="edit-plan" hidden={{ planId: plan.id }} label={t('edit.submit')} pendingLabel={t('saving')}>
      {(f) => (
        <>
          <PlanField {...f} name="title" label={t('create.planTitle')} defaultValue={plan.title} required maxLength={200} />
          <PlanField {...f} name="titleZh" label={t('create.titleZh')} defaultValue={plan.titleZh} maxLength={200} />
          <PlanField {...f} name="startDate" label={t('create.startDate')} type="date" defaultValue={plan.startDate} required />
          <PlanField {...f} name="endDate" label={t('create.endDate')} type="date" defaultValue={plan.endDate} required />
        </>
      )}
    </PlanForm>
  );
}

/** Records the Steering Committee's endorsement: the date and, when recorded, the meeting. */
export function EndorsePlanForm({
  action,
  plan,
  meetings,
  today,
}: {
  action: PlanFormAction;
  plan: PlanRef;
  meetings: { id: number; title: string; heldOn: string }[];
  today: string;
}) {
  const t = useTranslations('plans');
  return (
    <PlanForm action={action} idPrefix="endorse-plan" hidden={{ planId: plan.id }} label={t('endorse.submit')} pendingLabel={t('saving')}>
      {(f) => (
        <>
          <PlanField {...f} name="endorsedOn" label={t('endorse.date')} type="date" defaultValue={today} required />
          <PlanSelect
            {...f}
            name="meetingId"
            label={t('endorse.meeting')}
            defaultValue=""
            options={[{ value: '', label: t('endorse.noMeeting') }, ...meetings.map((m) => ({ value: String(m.id), label: `${m.heldOn} · ${m.title}` }))]}
          />
        </>
      )}
    </PlanForm>
  );
}

/** Closes an endorsed plan at the end of its year. */
export function ClosePlanForm({ action, plan, today }: { action: PlanFormAction; plan: PlanRef; today: string }) {
  const t = useTranslations('plans');
  return (
    <PlanForm action={action} idPrefix="close-plan" hidden={{ planId: plan.id }} label={t('close.submit')} pendingLabel={t('saving')}>
      {(f) => <PlanField {...f} name="closedOn" label={t('close.date')} type="date" defaultValue={today > plan.endDate ? today : plan.endDate} required />}
    </PlanForm>
  );
}
