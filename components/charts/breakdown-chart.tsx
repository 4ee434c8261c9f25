'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue } from '@/lib/format';
import type { ValueKind } from '@/lib/progress/types';
import { downloadCsv, downloadPng, downloadSvg } from './download';
import { chartPalette } from './palette';

export interface BreakdownChartProps {
  code: string;
  /** e.g. "By city, to date". */
  title: string;
  unit: string;
  valueKind: ValueKind;
  bars: { label: string; value: number | null; others: boolean }[];
}

/** The actual to date split by city, cluster or partner: top N and "others", as bars or a table. */
export function BreakdownChart({ code, title, unit, valueKind, bars }: BreakdownChartProps) {
  const t = useTranslations('dashboards.chart');
  const locale = useLocale();
  const [asTable, setAsTable] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? t('noValue') : formatValue(locale, v, valueKind, unit);
  const height = Math.max(120, bars.length * 36 + 40);
  if (bars.length === 0) return <p className="muted">{t('breakdownEmpty')}</p>;
  return (
    <figure className="chart" data-breakdown={code} aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      <div className="toolbar chart-toolbar">
        <button type="button" className="button-secondary" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('showChart') : t('showTable')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => downloadCsv(`${code}-breakdown.csv`, [t('member'), t('value')], bars.map((b) => [b.label, b.value]))}
        >
          {t('downloadCsv')}
        </button>
        <button type="button" className="button-secondary" disabled={asTable} onClick={() => downloadSvg(chartRef.current, `${code}-breakdown.svg`)}>
          {t('downloadSvg')}
        </button>
        <button type="button" className="button-secondary" disabled={asTable} onClick={() => void downloadPng(chartRef.current, `${code}-breakdown.png`)}>
          {t('downloadPng')}
        </button>
      </div>
      {asTable ? (
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('member')}</th>
              <th scope="col" className="num">{t('value')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td className="num">{fmt(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div ref={chartRef} style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid stroke="#e3e6ea" horizontal={false} />
              <XAxis type="number" tickFormatter={(v: number) => fmt(v)} />
              <YAxis type="category" dataKey="label" width={140} />
              <Tooltip formatter={(value) => fmt(typeof value === 'number' ? value : null)} />
              <Bar dataKey="value" name={t('value')} isAnimationActive={false}>
                {bars.map((b) => (
                  <Cell key={b.label} fill={b.others ? chartPalette.others : chartPalette.actual} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
