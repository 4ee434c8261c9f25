import { useLocale, useTranslations } from 'next-intl';
import { formatValue } from '@/lib/format';
import type { ValueKind } from '@/lib/progress/types';
import { ChartFrame } from './chart-frame';
import './charts.css';
import { breakdownPlot } from './svg/breakdown-plot';
import { svgMarkup } from './svg/plot-frame';

export interface BreakdownChartProps {
  code: string;
  /** e.g. "By city, to date". */
  title: string;
  unit: string;
  valueKind: ValueKind;
  bars: { label: string; value: number | null; others: boolean }[];
}

/** The actual to date split by city, cluster or partner: top N and "others", as bars or a table, drawn on the server. */
export function BreakdownChart({ code, title, unit, valueKind, bars }: BreakdownChartProps) {
  const t = useTranslations('dashboards.chart');
  const locale = useLocale();
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? t('noValue') : formatValue(locale, v, valueKind, unit);
  const height = Math.max(120, bars.length * 36 + 40);
  if (bars.length === 0) return <p className="muted">{t('breakdownEmpty')}</p>;
  const id = `breakdown-${code}`;
  const captionId = `${id}-caption`;
  return (
    <figure className="chart" data-breakdown={code} aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      <ChartFrame
        name={`${code}-breakdown`}
        csv={{ header: [t('member'), t('value')], rows: bars.map((b) => [b.label, b.value]) }}
        plot={svgMarkup(
          breakdownPlot({
            id,
            title,
            description: bars.map((b) => `${b.label}: ${fmt(b.value)}`).join('; '),
            bars,
            height,
            format: fmt,
          }),
        )}
        table={{
          caption: title,
          columns: [{ label: t('member') }, { label: t('value'), numeric: true }],
          rows: bars.map((b) => [b.label, fmt(b.value)]),
        }}
      />
    </figure>
  );
}
