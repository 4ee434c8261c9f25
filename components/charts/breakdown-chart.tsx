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

/** How many bars the picture's description names; the data table lists them all. */
const DESCRIBED_BARS = 5;

/** The actual to date split by city, cluster or partner: top N and "others", as bars or a table, drawn on the server. */
export function BreakdownChart({ code, title, unit, valueKind, bars }: BreakdownChartProps) {
  const t = useTranslations('dashboards.chart');
  const locale = useLocale();
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? t('noValue') : formatValue(locale, v, valueKind, unit);
  const height = Math.max(120, bars.length * 36 + 40);
  if (bars.length === 0) return <p className="muted">{t('breakdownEmpty')}</p>;
  // The picture's description names the first bars and leaves the rest to the table: a screen reader reads it whole.
  const describe = (parts: string[]) =>
    parts.length <= DESCRIBED_BARS
      ? parts.join('; ')
      : t('breakdownDescription', { listed: parts.slice(0, DESCRIBED_BARS).join('; '), count: parts.length - DESCRIBED_BARS });
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
            description: describe(bars.map((b) => `${b.label}: ${fmt(b.value)}`)),
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
