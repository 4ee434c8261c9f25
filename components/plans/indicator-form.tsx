'use client';

import { useTranslations } from 'next-intl';
import type { PlanFormAction } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';
import { derivationKeys } from '@/lib/derivations';
import { accumulations, directions, disaggregationKinds, frequencies, sources, valueKinds } from '@/lib/validation/plans-indicators';
import { FormFooter, PlanField, PlanSelect, usePlanForm } from './form-kit';

/** The indicator as the form shows it (a row of `indicators`, or the defaults for a new one). */
export interface IndicatorFormValues {
  id: number | null;
  goalId: number;
  code: string;
  name: string;
  nameZh: string | null;
  description: string | null;
  descriptionZh: string | null;
  unit: string;
  valueKind: string;
  accumulation: string;
  direction: string;
  baselineValue: number;
  baselineDate: string;
  targetValue: number | null;
  targetDate: string;
  frequency: string;
  ownerId: string | null;
  source: string;
  derivedKey: string | null;
  disaggregations: string[];
  definition: string | null;
  meansOfVerification: string | null;
  collectionMethod: string | null;
  targetRationale: string | null;
}

/**
 * Every field of an indicator, the definition sheet included. When the indicator has progress updates its
 * value kind, accumulation and frequency are shown but locked (the server refuses the change anyway, and says
 * what to do instead).
 */
export function IndicatorForm({
  action,
  plan,
  indicator,
  goals,
  owners,
  locked,
}: {
  action: PlanFormAction;
  plan: { id: number; year: number };
  indicator: IndicatorFormValues;
  goals: { id: number; code: string; title: string }[];
  owners: { id: string; name: string }[];
  locked: boolean;
}) {
  const t = useTranslations('plans.indicator');
  const tp = useTranslations('plans');
  const [state, formAction, pending] = usePlanForm(action);
  const f = { idPrefix: 'indicator', state };
  const options = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const structuralHint = locked ? t('hints.structural') : undefined;
  const checked = new Set(indicator.disaggregations);
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="planId" value={plan.id} />
      <input type="hidden" name="year" value={plan.year} />
      {indicator.id !== null ? <input type="hidden" name="indicatorId" value={indicator.id} /> : null}
      <fieldset className="card">
        <legend>{t('sections.identity')}</legend>
        <PlanSelect {...f} name="goalId" label={t('fields.goal')} defaultValue={indicator.goalId} options={goals.map((g) => ({ value: String(g.id), label: `${g.code} · ${g.title}` }))} />
        <PlanField {...f} name="code" label={t('fields.code')} defaultValue={indicator.code} required maxLength={16} />
        <PlanField {...f} name="name" label={t('fields.name')} defaultValue={indicator.name} required maxLength={300} />
        <PlanField {...f} name="nameZh" label={t('fields.nameZh')} defaultValue={indicator.nameZh} maxLength={300} />
        <PlanField {...f} name="description" label={t('fields.description')} type="textarea" defaultValue={indicator.description} />
        <PlanField {...f} name="descriptionZh" label={t('fields.descriptionZh')} type="textarea" defaultValue={indicator.descriptionZh} />
      </fieldset>
      <fieldset className="card">
        <legend>{t('sections.measure')}</legend>
        <PlanField {...f} name="unit" label={t('fields.unit')} defaultValue={indicator.unit} required maxLength={40} />
        <PlanSelect {...f} name="valueKind" label={t('fields.valueKind')} defaultValue={indicator.valueKind} options={options('valueKind', valueKinds)} disabled={locked} hint={structuralHint} />
        <PlanSelect {...f} name="accumulation" label={t('fields.accumulation')} defaultValue={indicator.accumulation} options={options('accumulation', accumulations)} disabled={locked} hint={t('hints.accumulation')} />
        <PlanSelect {...f} name="direction" label={t('fields.direction')} defaultValue={indicator.direction} options={options('direction', directions)} />
        <PlanSelect {...f} name="frequency" label={t('fields.frequency')} defaultValue={indicator.frequency} options={options('frequency', frequencies)} disabled={locked} />
        <fieldset>
          <legend>{t('fields.disaggregations')}</legend>
          {disaggregationKinds.map((d) => (
            <label key={d} className="checkbox" style={{ marginRight: '1rem' }}>
              <input type="checkbox" name="disaggregations" value={d} defaultChecked={checked.has(d)} /> {t(`disaggregation.${d}`)}
            </label>
          ))}
          <FieldError id="indicator-disaggregations-error" errors={state.errors?.disaggregations} />
        </fieldset>
      </fieldset>
      <fieldset className="card">
        <legend>{t('sections.baselineTarget')}</legend>
        <PlanField {...f} name="baselineValue" label={t('fields.baselineValue')} type="number" defaultValue={indicator.baselineValue} required />
        <PlanField {...f} name="baselineDate" label={t('fields.baselineDate')} type="date" defaultValue={indicator.baselineDate} required />
        {indicator.id === null ? (
          <PlanField {...f} name="targetValue" label={t('fields.targetValue')} type="number" defaultValue={indicator.targetValue} required hint={t('hints.targetLater')} />
        ) : null}
        <PlanField {...f} name="targetDate" label={t('fields.targetDate')} type="date" defaultValue={indicator.targetDate} required />
      </fieldset>
      <fieldset className="card">
        <legend>{t('sections.responsibility')}</legend>
        <PlanSelect {...f} name="ownerId" label={t('fields.owner')} defaultValue={indicator.ownerId ?? ''} options={[{ value: '', label: t('fields.noOwner') }, ...owners.map((o) => ({ value: o.id, label: o.name }))]} />
        <PlanSelect {...f} name="source" label={t('fields.source')} defaultValue={indicator.source} options={options('source', sources)} />
        <PlanSelect
          {...f}
          name="derivedKey"
          label={t('fields.derivedKey')}
          defaultValue={indicator.derivedKey ?? ''}
          options={[{ value: '', label: t('fields.noDerivation') }, ...derivationKeys.map((k) => ({ value: k, label: tp(`derivations.name.${k}`) }))]}
        />
      </fieldset>
      <fieldset className="card">
        <legend>{t('sections.definition')}</legend>
        <PlanField {...f} name="definition" label={t('fields.definition')} type="textarea" defaultValue={indicator.definition} />
        <PlanField {...f} name="meansOfVerification" label={t('fields.meansOfVerification')} type="textarea" defaultValue={indicator.meansOfVerification} />
        <PlanField {...f} name="collectionMethod" label={t('fields.collectionMethod')} type="textarea" defaultValue={indicator.collectionMethod} />
        <PlanField {...f} name="targetRationale" label={t('fields.targetRationale')} type="textarea" defaultValue={indicator.targetRationale} />
      </fieldset>
      <FormFooter state={state} pending={pending} label={tp('save')} pendingLabel={tp('saving')} />
    </form>
  );
}
