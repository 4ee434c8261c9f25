'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { singleValues } from '@/types/action';
import type { FlagPreviewAnswer, LogProgressState } from '@/types/forms';
import { FieldError } from '@/components/ui/field-error';
import { EvidenceInput } from './evidence-input';
import { FigureFields } from './figure-fields';
import { PlaceSelect, type PlaceOption } from './place-select';
import { FlaggedNote, QualityFlags } from './quality-flags';
import { figuresOf, useLiveFlags } from './use-live-flags';

export interface PeriodChoice {
  key: string;
  label: string;
  end: string;
  targetText: string;
  /** "Locked by … on …", or null. */
  lockText: string | null;
  /** "Opens …, due …, closes …" (the period's submission window). */
  windowText: string;
  /** Where today falls in the window ("Open", "Past due"…), or that windows are not enforced. */
  windowState: string;
}

interface Props {
  action: (state: LogProgressState, formData: FormData) => Promise<LogProgressState>;
  /** The data-quality flags of the value being typed (the server's rule; nothing stored). */
  previewFlags: (input: unknown) => Promise<FlagPreviewAnswer>;
  planYear: number;
  indicator: { code: string; name: string; unit: string; valueKind: 'count' | 'percent' | 'currency' | 'milestone'; accumulation: string };
  periods: PeriodChoice[];
  currentPeriodKey?: string;
  places: { cities: PlaceOption[] | null; clusters: PlaceOption[] | null; partners: PlaceOption[] | null };
  /** The latest value of each series ("city|cluster|partner") in each period, for "previous value". */
  points: { series: string; periodEnd: string; figure: number | null }[];
  idempotencyKey: string;
}

/** The fields whose change asks for the value's flags again. */
const flagInputs = new Set(['period', 'cityId', 'clusterId', 'partnerId', 'value', 'numerator', 'denominator', 'milestone']);

/**
 * The log-progress form; every rule is checked again on the server. As a figure is typed, the server's
 * data-quality flags for it are asked (debounced, the latest answer wins) and shown beside the field, with the note
 * marked required, so a flag is seen before submitting rather than after a refused submit.
 */
export function LogProgressForm({ action, previewFlags, planYear, indicator, periods, currentPeriodKey, places, points, idempotencyKey }: Props) {
  const t = useTranslations('updates.form');
  const format = useFormatter();
  const [state, formAction, pending] = useActionState(action, {});
  const { formRef, live, onChange } = useLiveFlags(
    (data) => {
      const get = (name: string) => String(data.get(name) ?? '');
      const place = { cityId: get('cityId'), clusterId: get('clusterId'), partnerId: get('partnerId') };
      return previewFlags({ plan: planYear, indicator: indicator.code, period: get('period'), ...place, ...figuresOf(data) });
    },
    flagInputs,
    state,
  );
  const flags = live ?? state.warnings ?? [];
  const values = singleValues(state.values);
  const [periodKey, setPeriodKey] = useState(values?.period ?? currentPeriodKey ?? periods[0]?.key ?? '');
  const [place, setPlace] = useState({ cityId: values?.cityId ?? '', clusterId: values?.clusterId ?? '', partnerId: values?.partnerId ?? '' });
  const period = periods.find((p) => p.key === periodKey);
  const series = `${place.cityId || 0}|${place.clusterId || 0}|${place.partnerId || 0}`;
  const previous = period
    ? points.filter((p) => p.series === series && p.periodEnd < period.end).sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1))[0]
    : undefined;
  const previousText = (() => {
    if (!previous || previous.figure === null) return t('noPrevious');
    const figure =
      indicator.valueKind === 'milestone' ? (previous.figure >= 1 ? t('milestoneYes') : t('milestoneNo')) : format.number(previous.figure, { maximumFractionDigits: 2 });
    return t('previous', { value: figure, date: format.dateTime(new Date(`${previous.periodEnd}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }) });
  })();
  const errors = state.errors ?? {};
  const described = (field: 'period' | 'note' | 'evidenceUrl') => (errors[field]?.length ? `log-${field}-error` : undefined);
  const placeSelect = (kind: 'cities' | 'clusters' | 'partners', field: 'cityId' | 'clusterId' | 'partnerId', label: string) => {
    const options = places[kind];
    if (!options) return null;
    return (
      <PlaceSelect name={field} label={label} options={options} value={place[field]} errors={errors[field]} onChange={(v) => setPlace((p) => ({ ...p, [field]: v }))} />
    );
  };
  // Submitting by hand (not through the action prop) keeps React from resetting the form afterwards: a reset
  // would put the controlled period and place selects back to their first option while their state stays.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onChange={onChange}
      className="form"
      noValidate
    >
      <input type="hidden" name="indicator" value={indicator.code} />
      <input type="hidden" name="plan" value={planYear} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FieldError id="log-indicator-error" errors={errors.indicator} />
      <div className="field">
        <label htmlFor="log-period">{t('period')}</label>
        <select id="log-period" name="period" value={periodKey} onChange={(e) => setPeriodKey(e.target.value)} aria-invalid={errors.period?.length ? true : undefined} aria-describedby={described('period')}>
          {periods.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
              {p.lockText ? ` — ${t('lockedShort')}` : ''}
            </option>
          ))}
        </select>
        {period?.lockText ? <p className="error-text">{period.lockText}</p> : null}
        <FieldError id="log-period-error" errors={errors.period} />
      </div>
      {placeSelect('cities', 'cityId', t('city'))}
      {placeSelect('clusters', 'clusterId', t('cluster'))}
      {placeSelect('partners', 'partnerId', t('partner'))}
      <div className="card" id="log-context" aria-live="polite">
        <p>{previousText}</p>
        <p>{period ? t('periodTarget', { target: period.targetText }) : null}</p>
        {period ? (
          <p data-window>
            {period.windowText} <span className="muted">({period.windowState})</span>
          </p>
        ) : null}
        {indicator.accumulation === 'cumulative' ? <p className="muted">{t('cumulativeHint')}</p> : null}
      </div>
      <FigureFields idPrefix="log" kind={indicator.valueKind} unit={indicator.unit} values={values} errors={errors} describedBy="log-context log-flags" />
      <QualityFlags id="log-flags" flags={flags} confirm />
      <FlaggedNote id="log-note" flagged={flags.length > 0} label={t('note')} requiredLabel={t('noteRequired')} defaultValue={values?.note} errors={errors.note} />
      {flags.length ? (
        <label className="checkbox">
          <input type="checkbox" name="confirmPlausibility" value="yes" defaultChecked={values?.confirmPlausibility === 'yes'} /> {t('confirmPlausibility')}
        </label>
      ) : null}
      <div className="field">
        <label htmlFor="log-evidenceUrl">{t('evidenceUrl')}</label>
        <input id="log-evidenceUrl" name="evidenceUrl" type="url" inputMode="url" placeholder="https://" defaultValue={values?.evidenceUrl} aria-invalid={errors.evidenceUrl?.length ? true : undefined} aria-describedby={described('evidenceUrl')} />
        <FieldError id="log-evidenceUrl-error" errors={errors.evidenceUrl} />
      </div>
      <EvidenceInput idPrefix="log" errors={errors.evidenceFiles} />
      <div aria-live="polite" aria-atomic="true" className="form-message">
        {state.message ? <p className="error-text">{state.message}</p> : null}
      </div>
      <div className="toolbar">
        <button className="button" type="submit" name="intent" value="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('saving') : t('submit')}
        </button>
        <button className="button" type="submit" name="intent" value="draft" disabled={pending} aria-disabled={pending}>
          {t('saveDraft')}
        </button>
      </div>
    </form>
  );
}
