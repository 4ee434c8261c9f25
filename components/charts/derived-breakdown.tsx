import { getTranslations } from 'next-intl/server';
import type { DerivedChartBreakdown } from '@/types/charts';
import { formatDate, formatValue } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import type { DerivedDimension } from '@/lib/derivations';
import type { ValueKind } from '@/lib/progress/types';
import { BreakdownChart } from './breakdown-chart';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** Catalogs naming coded members; cities, clusters, partners and topics carry their own names. */
const coded: Partial<Record<DerivedDimension, string>> = {
  region: 'registries.values.region',
  category: 'registries.values.needCategory',
  format: 'registries.values.activityFormat',
};

function memberLabel(t: T, locale: string, dimension: DerivedDimension, row: { key: string; label: string; labelZh: string | null }) {
  if (row.key === '') return t('dashboards.breakdown.unassigned');
  const catalog = coded[dimension];
  return catalog ? t(`${catalog}.${row.key}`) : localized(locale, row.label, row.labelZh).text;
}

/**
 * A derived indicator's breakdown on its page: the dimensions its registry rows carry (a plain GET form, so it
 * works without JavaScript), the chart and table of the parts, and how the parts relate to the total.
 */
export async function DerivedBreakdown(props: {
  code: string;
  planYear: number;
  asOf: string;
  unit: string;
  valueKind: ValueKind;
  total: number | null;
  breakdown: DerivedChartBreakdown;
  /** Whether to offer the choice of dimension (the indicator page), or show the default only (goal pages). */
  choose: boolean;
  locale: string;
}) {
  const { breakdown: b, locale } = props;
  const t = await getTranslations({ locale });
  const current = b.ok ? b.dimension : b.dimensions[0];
  const errorId = `breakdown-error-${props.code}`;
  return (
    <div data-derived-breakdown={props.code}>
      {props.choose ? (
        <form method="get" className="toolbar" aria-label={t('dashboards.breakdown.chooseLabel')}>
          <input type="hidden" name="plan" value={props.planYear} />
          <label>
            {t('dashboards.breakdown.choose')}
            <select name="by" defaultValue={current} aria-invalid={!b.ok || undefined} aria-describedby={!b.ok ? errorId : undefined}>
              {b.dimensions.map((d) => (
                <option key={d} value={d}>
                  {t(`dashboards.breakdown.dimension.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button-secondary">
            {t('dashboards.breakdown.show')}
          </button>
        </form>
      ) : null}
      {!b.ok ? (
        <p role="alert" id={errorId} className="error-text">
          {t('dashboards.breakdown.unsupported', {
            dimension: b.asked.slice(0, 40),
            choices: b.dimensions.map((d) => t(`dashboards.breakdown.dimension.${d}`)).join(', '),
          })}
        </p>
      ) : (
        <>
          <BreakdownChart
            code={props.code}
            title={t(`dashboards.breakdown.${b.dimension}`, { date: formatDate(locale, props.asOf) })}
            unit={props.unit}
            valueKind={props.valueKind}
            bars={b.rows.map((r) => ({ label: memberLabel(t, locale, b.dimension, r), value: r.value, others: r.key === '' }))}
          />
          <p className="muted" data-parts={b.parts}>
            {t(`dashboards.breakdown.parts.${b.parts}`, {
              total: props.total === null ? t('dashboards.chart.noValue') : formatValue(locale, props.total, props.valueKind, props.unit),
            })}
          </p>
        </>
      )}
    </div>
  );
}
