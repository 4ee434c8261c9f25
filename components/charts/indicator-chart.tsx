import { useLocale, useTranslations } from 'next-intl';
import { formatValue } from '@/lib/format';
import type { Accumulation, ValueKind } from '@/lib/progress/types';
import { ChartFrame } from './chart-frame';
import type { ChartTableData } from './chart-table';
import './charts.css';
import { CHART_HEIGHT } from './palette';
import { indicatorPlot } from './svg/indicator-plot';
import { svgMarkup } from './svg/plot-frame';

export interface IndicatorChartRow {
  key: string;
  label: string;
  actual: number | null;
  target: number;
  originalTarget: number | null;
  reported: boolean;
  /** The dashed forecast over the periods not finished (./forecast.ts): at the current pace, and needed. */
  projection: number | null;
  needed: number | null;
}

export interface IndicatorChartProps {
  code: string;
  title: string;
  unit: string;
  valueKind: ValueKind;
  accumulation: Accumulation;
  baseline: number;
  rows: IndicatorChartRow[];
  /** The main fact in words, read out as the figure's caption. */
  caption: string;
  /** The dashed forecast in words (null when none is drawn). */
  forecastText: string | null;
  height?: number;
}

/**
 * One indicator's actual per period against its stepped target line and baseline. Non-cumulative indicators
 * draw bars (each period stands alone); cumulative and snapshot indicators draw a line (a running total or a
 * level). The picture and its data table are drawn on the server; only the picture
 * downloads run in the browser, through the page's one chart script.
 */
export function IndicatorChart(props: IndicatorChartProps) {
  const { code, title, unit, valueKind, accumulation, baseline, rows, caption, forecastText, height = CHART_HEIGHT } = props;
  const t = useTranslations('dashboards.chart');
  const locale = useLocale();
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? t('noValue') : formatValue(locale, v, valueKind, unit);
  const revised = rows.some((r) => r.originalTarget !== null);
  const actualName = t(`actual.${accumulation}`);
  const targetName = t(`target.${accumulation === 'non_cumulative' ? 'perPeriod' : 'level'}`);
  const empty = rows.every((r) => r.actual === null);
  const forecast = rows.some((r) => r.projection !== null);
  const forecastColumns = forecast ? [t('projection'), t('needed')] : [];
  const id = `chart-${code}`;
  const captionId = `${id}-caption`;

  const table: ChartTableData = {
    name: code,
    caption: t('tableCaption', { title }),
    columns: [
      { label: t('period') },
      { label: actualName, numeric: true },
      { label: targetName, numeric: true },
      ...(revised ? [{ label: t('originalTarget'), numeric: true }] : []),
      ...forecastColumns.map((label) => ({ label, numeric: true })),
      { label: t('reported') },
    ],
    rows: rows.map((r) => [
      r.label,
      fmt(r.actual),
      fmt(r.target),
      ...(revised ? [fmt(r.originalTarget)] : []),
      ...(forecast ? [fmt(r.projection), fmt(r.needed)] : []),
      r.actual === null ? t('noValue') : r.reported ? t('yes') : t('carriedForward'),
    ]),
    foot: { label: t('baseline'), value: fmt(baseline) },
  };

  return (
    <figure className="chart" data-chart={code} aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{title}</strong> — {caption}
        {forecastText ? (
          <>
            {' '}
            <span data-forecast-text={code}>{forecastText}</span>
          </>
        ) : null}
      </figcaption>
      {empty ? <p className="muted">{t('empty')}</p> : null}
      <ChartFrame
        name={`${code}-chart`}
        csv={{
          header: [t('period'), actualName, targetName, ...(revised ? [t('originalTarget')] : []), ...forecastColumns, t('baseline')],
          rows: rows.map((r) => [r.key, r.actual, r.target, ...(revised ? [r.originalTarget] : []), ...(forecast ? [r.projection, r.needed] : []), baseline]),
        }}
        table={table}
        plot={svgMarkup(
          indicatorPlot({
            id,
            title,
            description: [caption, forecastText].filter(Boolean).join(' '),
            accumulation,
            baseline,
            rows,
            height,
            format: fmt,
            names: {
              actual: actualName,
              target: targetName,
              originalTarget: t('originalTarget'),
              projection: t('projection'),
              needed: t('needed'),
              yAxis: t(`axis.${accumulation}`, { unit }),
              baseline: t('baselineLabel', { value: fmt(baseline) }),
            },
          }),
        )}
      />
    </figure>
  );
}
