import { getTranslations } from 'next-intl/server';
import type { IndicatorChart as ChartData } from '@/types/charts';
import { formatDate, formatPercent, formatValue } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { periodLabel } from '@/lib/i18n/periods';
import { BreakdownChart } from './breakdown-chart';
import { DerivedBreakdown } from './derived-breakdown';
import { IndicatorChart } from './indicator-chart';
import { forecastSeries } from './forecast';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** The main fact in words: where the indicator stands against what was expected, and what it needs. */
function captionOf(t: T, locale: string, chart: ChartData): string {
  const { evaluation, indicator: i } = chart;
  const fmt = (v: number | null) => (v === null || !Number.isFinite(v) ? t('dashboards.chart.noValue') : formatValue(locale, v, i.valueKind, i.unit));
  const parts = [
    evaluation.actual.value === null
      ? t('dashboards.caption.noData', { date: formatDate(locale, chart.asOf) })
      : t('dashboards.caption.standing', {
          actual: fmt(evaluation.actual.value),
          expected: fmt(evaluation.targetToDate),
          date: formatDate(locale, chart.asOf),
          achievement: evaluation.achievement === null || !Number.isFinite(evaluation.achievement) ? '—' : formatPercent(locale, evaluation.achievement),
          status: t(`status.${evaluation.status}`),
        }),
    t('dashboards.caption.finalTarget', { target: fmt(evaluation.finalTarget) }),
  ];
  if (chart.projectedEnd !== null) parts.push(t('dashboards.caption.projected', { value: fmt(chart.projectedEnd) }));
  if (chart.pacePerPeriod !== null) {
    const met = i.direction === 'increase' ? chart.pacePerPeriod <= 0 : chart.pacePerPeriod >= 0;
    parts.push(met ? t('dashboards.caption.paceMet') : t('dashboards.caption.pace', { value: fmt(chart.pacePerPeriod), periods: chart.remainingPeriods }));
  }
  if (chart.targetRevised) parts.push(t('dashboards.caption.revised'));
  if (chart.knownOn) parts.push(t('dashboards.caption.knownOn', { date: formatDate(locale, chart.knownOn) }));
  return parts.join(' ');
}

/** Props for the client chart of one indicator, labels in the user's language. */
export function chartProps(t: T, locale: string, chart: ChartData) {
  const i = chart.indicator;
  const forecast = forecastSeries({
    periods: chart.points.map((p) => p.period),
    asOf: chart.asOf,
    accumulation: i.accumulation,
    valueKind: i.valueKind,
    actualToDate: chart.evaluation.actual.value,
    projectedEnd: chart.projectedEnd,
    pacePerPeriod: chart.pacePerPeriod,
    finalTarget: chart.evaluation.finalTarget,
  });
  const fmt = (v: number) => formatValue(locale, v, i.valueKind, i.unit);
  const drawn = forecast.projection.some((v) => v !== null);
  return {
    forecastText:
      drawn && chart.projectedEnd !== null
        ? t('dashboards.chart.forecastText', { projected: fmt(chart.projectedEnd), target: fmt(chart.evaluation.finalTarget), end: formatDate(locale, chart.plan.endDate) })
        : null,
    code: i.code,
    title: `${i.code} · ${localized(locale, i.name, i.nameZh).text}`,
    unit: i.unit,
    valueKind: i.valueKind,
    accumulation: i.accumulation,
    baseline: chart.baseline,
    caption: captionOf(t, locale, chart),
    rows: chart.points.map((p, index) => ({
      key: p.key,
      label: periodLabel(t, locale, p.period, i.frequency),
      actual: p.actual,
      target: p.target,
      originalTarget: p.originalTarget,
      reported: p.reported,
      projection: forecast.projection[index] ?? null,
      needed: forecast.needed[index] ?? null,
    })),
  };
}

interface ChartSectionProps {
  code: string;
  /** The indicator's chart (app/ loads it through data/charts.ts); undefined when there is no such indicator. */
  chart: ChartData | undefined;
  /** Offer the choice of breakdown dimension (the indicator page). */
  chooseBreakdown?: boolean;
  /** The reader's language, passed in rather than read from the request: the section may be rendered in a cache. */
  locale: string;
}

/** The chart of one indicator and its breakdown. */
export async function IndicatorChartSection({ code, chart, chooseBreakdown = false, locale }: ChartSectionProps) {
  const t = await getTranslations({ locale });
  if (!chart) return <p className="muted">{t('dashboards.chart.notFound', { code })}</p>;
  const i = chart.indicator;
  return (
    <section className="card chart-card" aria-label={t('dashboards.chart.sectionLabel', { code: i.code })}>
      <IndicatorChart {...chartProps(t, locale, chart)} />
      {chart.breakdown ? (
        <BreakdownChart
          code={i.code}
          title={t(`dashboards.breakdown.${chart.breakdown.dimension}`, { date: formatDate(locale, chart.asOf) })}
          unit={i.unit}
          valueKind={i.valueKind}
          bars={chart.breakdown.bars.map((b) => ({
            label: b.others
              ? t('dashboards.breakdown.others')
              : b.name === null
                ? t('dashboards.breakdown.unassigned')
                : localized(locale, b.name, b.nameZh).text,
            value: b.value,
            others: b.others,
          }))}
        />
      ) : null}
      {chart.derivedBreakdown ? (
        <DerivedBreakdown
          code={i.code}
          planYear={chart.plan.year}
          asOf={chart.asOf}
          unit={i.unit}
          valueKind={i.valueKind}
          total={chart.evaluation.actual.value}
          breakdown={chart.derivedBreakdown}
          choose={chooseBreakdown}
          locale={locale}
        />
      ) : null}
    </section>
  );
}
