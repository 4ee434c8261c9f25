'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatValue } from '@/lib/format';
import type { Accumulation, ValueKind } from '@/lib/progress/types';
import { downloadCsv, downloadPng, downloadSvg } from './download';
import { CHART_HEIGHT, chartPalette } from './palette';

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
 * level). A table view, CSV and SVG downloads sit beside it.
 */
export function IndicatorChart(props: IndicatorChartProps) {
  const { code, title, unit, valueKind, accumulation, baseline, rows, caption, forecastText, height = CHART_HEIGHT } = props;
  const t = useTranslations('dashboards.chart');
  const locale = useLocale();
  const [asTable, setAsTable] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? t('noValue') : formatValue(locale, v, valueKind, unit);
  const revised = rows.some((r) => r.originalTarget !== null);
  const actualName = t(`actual.${accumulation}`);
  const targetName = t(`target.${accumulation === 'non_cumulative' ? 'perPeriod' : 'level'}`);
  const yLabel = t(`axis.${accumulation}`, { unit });
  const empty = rows.every((r) => r.actual === null);
  const forecast = rows.some((r) => r.projection !== null);
  const forecastColumns = forecast ? [t('projection'), t('needed')] : [];

  const csv = () =>
    downloadCsv(
      `${code}-chart.csv`,
      [t('period'), actualName, targetName, ...(revised ? [t('originalTarget')] : []), ...forecastColumns, t('baseline')],
      rows.map((r) => [r.key, r.actual, r.target, ...(revised ? [r.originalTarget] : []), ...(forecast ? [r.projection, r.needed] : []), baseline]),
    );

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
      <div className="toolbar chart-toolbar">
        <button type="button" className="button-secondary" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('showChart') : t('showTable')}
        </button>
        <button type="button" className="button-secondary" onClick={csv}>
          {t('downloadCsv')}
        </button>
        <button type="button" className="button-secondary" disabled={asTable} onClick={() => downloadSvg(chartRef.current, `${code}-chart.svg`)}>
          {t('downloadSvg')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={asTable}
          onClick={() => void downloadPng(chartRef.current, `${code}-chart.png`)}
        >
          {t('downloadPng')}
        </button>
      </div>
      {empty ? <p className="muted">{t('empty')}</p> : null}
      {asTable ? (
        <div className="table-wrap" style={{ minHeight: height }}>
          <table data-chart-table={code}>
            <caption>{t('tableCaption', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('period')}</th>
                <th scope="col" className="num">{actualName}</th>
                <th scope="col" className="num">{targetName}</th>
                {revised ? <th scope="col" className="num">{t('originalTarget')}</th> : null}
                {forecastColumns.map((c) => (
                  <th key={c} scope="col" className="num">
                    {c}
                  </th>
                ))}
                <th scope="col">{t('reported')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{fmt(r.actual)}</td>
                  <td className="num">{fmt(r.target)}</td>
                  {revised ? <td className="num">{fmt(r.originalTarget)}</td> : null}
                  {forecast ? (
                    <>
                      <td className="num">{fmt(r.projection)}</td>
                      <td className="num">{fmt(r.needed)}</td>
                    </>
                  ) : null}
                  <td>{r.actual === null ? t('noValue') : r.reported ? t('yes') : t('carriedForward')}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('baseline')}</th>
                <td className="num" colSpan={3 + (revised ? 1 : 0) + forecastColumns.length}>
                  {fmt(baseline)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <div ref={chartRef} className="chart-canvas" style={{ height }}>
          {/* The axis's meaning above the plot, where a long label is not cut off (also inside the SVG, for downloads). */}
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={rows} margin={{ top: 28, right: 16, bottom: 8, left: 16 }}>
              <text x={16} y={14} className="chart-axis-title" fontSize={13} fill="#57606a">
                {yLabel}
              </text>
              <CartesianGrid stroke="#e3e6ea" vertical={false} />
              <XAxis dataKey="label" />
              <YAxis width={80} tickFormatter={(v: number) => fmt(v)} />
              <Tooltip formatter={(value) => fmt(typeof value === 'number' ? value : null)} />
              <Legend />
              <ReferenceLine
                y={baseline}
                stroke={chartPalette.baseline}
                strokeDasharray="2 4"
                label={{ value: t('baselineLabel', { value: fmt(baseline) }), position: 'insideBottomRight' }}
                className="chart-baseline"
              />
              {accumulation === 'non_cumulative' ? (
                <Bar dataKey="actual" name={actualName} fill={chartPalette.actual} isAnimationActive={false} className="chart-actual" />
              ) : (
                <Line
                  dataKey="actual"
                  name={actualName}
                  stroke={chartPalette.actual}
                  strokeWidth={3}
                  dot={{ r: 4 }}
                  connectNulls={false}
                  isAnimationActive={false}
                  className="chart-actual"
                />
              )}
              <Line
                dataKey="target"
                name={targetName}
                type="step"
                stroke={chartPalette.target}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                className="chart-target"
              />
              {revised ? (
                <Line
                  dataKey="originalTarget"
                  name={t('originalTarget')}
                  type="step"
                  stroke={chartPalette.originalTarget}
                  strokeDasharray="6 4"
                  dot={false}
                  isAnimationActive={false}
                  className="chart-original-target"
                />
              ) : null}
              {forecast ? (
                <>
                  <Line
                    dataKey="projection"
                    name={t('projection')}
                    stroke={chartPalette.actual}
                    strokeDasharray="6 4"
                    strokeWidth={2}
                    dot={false}
                    connectNulls={false}
                    isAnimationActive={false}
                    className="chart-projection"
                  />
                  <Line
                    dataKey="needed"
                    name={t('needed')}
                    stroke={chartPalette.target}
                    strokeDasharray="2 3"
                    strokeWidth={2}
                    dot={false}
                    connectNulls={false}
                    isAnimationActive={false}
                    className="chart-needed"
                  />
                </>
              ) : null}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
