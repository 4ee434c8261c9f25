'use client';

import { useTranslations } from 'next-intl';
import type { PlanFormAction } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';
import { PlanField, PlanForm } from './form-kit';

/**
 * The final target and one milestone per reporting period. In an endorsed plan the same form records a
 * revision, so it also asks from when it applies and why.
 */
export function TargetsForm({
  action,
  indicator,
  periods,
  endorsed,
  today,
}: {
  action: PlanFormAction;
  indicator: { id: number; targetValue: number; accumulation: string; milestones: Record<string, number> };
  /** The plan's periods for the indicator's frequency, with their labels. */
  periods: { start: string; end: string; label: string }[];
  endorsed: boolean;
  today: string;
}) {
  const t = useTranslations('plans.targets');
  const tp = useTranslations('plans');
  return (
    <PlanForm
      action={action}
      idPrefix="targets"
      hidden={{ indicatorId: indicator.id }}
      label={endorsed ? t('submitRevision') : t('submit')}
      pendingLabel={tp('saving')}
    >
      {(f) => (
        <>
          <p className="muted">{endorsed ? t('introEndorsed') : t('introDraft')}</p>
          <PlanField {...f} name="finalTarget" label={t('finalTarget')} type="number" defaultValue={indicator.targetValue} required />
          <fieldset aria-describedby="targets-milestones-hint targets-milestones-error">
            <legend>{tp('sheet.milestones')}</legend>
            <p id="targets-milestones-hint" className="muted">
              {indicator.accumulation === 'non_cumulative' ? t('milestonesNonCumulative') : t('milestonesLevel')}
            </p>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))', gap: '0.6rem' }}>
              {periods.map((p) => (
                <PlanField
                  key={p.end}
                  {...f}
                  name={`milestone:${p.end}`}
                  label={t('milestone', { period: p.label, end: p.end })}
                  type="number"
                  defaultValue={indicator.milestones[p.end]}
                />
              ))}
            </div>
            <FieldError id="targets-milestones-error" errors={f.state.errors?.milestones} />
          </fieldset>
          {endorsed ? (
            <>
              <PlanField {...f} name="effectiveOn" label={t('effectiveOn')} type="date" defaultValue={today} required />
              <PlanField {...f} name="reason" label={t('reason')} type="textarea" required />
            </>
          ) : null}
        </>
      )}
    </PlanForm>
  );
}
