'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_HEIGHT, chartPalette } from '@/components/charts/palette';
import { numberFormat } from '@/lib/intl-formats';

/**
 * The budget page's two charts. Amounts come as decimal text and become numbers here only to be drawn; every
 * figure a person reads exactly is in the data table the page renders under each chart.
 */

const compact = (locale: string, currency: string) => (v: number) =>
  numberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(v);

export interface GoalBar {
  label: string;
  budget: string;
  spent: string;
}

export function BudgetByGoalChart({ rows, currency, tableId }: { rows: GoalBar[]; currency: string; tableId: string }) {
  const t = useTranslations('budget.charts');
  const c = useTranslations('budget.columns');
  const locale = useLocale();
  const captionId = useId();
  const data = rows.map((r) => ({ label: r.label, budget: Number(r.budget), spent: Number(r.spent) }));
  const fmt = compact(locale, currency);
  return (
    <figure className="chart" data-chart="budget-by-goal" aria-labelledby={captionId} aria-describedby={tableId}>
      <figcaption id={captionId}>
        <strong>{t('byGoalTitle')}</strong> — {t('byGoalCaption', { currency })}
      </figcaption>
      <div className="chart-canvas" style={{ height: CHART_HEIGHT }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis width={80} tickFormatter={fmt} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? fmt(v) : String(v))} />
            <Legend />
            <Bar dataKey="budget" name={c('budget')} fill={chartPalette.originalTarget} isAnimationActive={false} />
            <Bar dataKey="spent" name={c('spent')} fill={chartPalette.actual} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export interface MonthPointProps {
  month: string;
  label: string;
  planned: string;
  budget: string;
  spent: string | null;
}

export function CumulativeSpendChart({
  points,
  revisions,
  currency,
  tableId,
}: {
  points: MonthPointProps[];
  revisions: { month: string; date: string }[];
  currency: string;
  tableId: string;
}) {
  const t = useTranslations('budget.charts');
  const c = useTranslations('budget.columns');
  const locale = useLocale();
  const captionId = useId();
  const fmt = compact(locale, currency);
  const data = points.map((p) => ({ label: p.label, month: p.month, planned: Number(p.planned), budget: Number(p.budget), spent: p.spent === null ? null : Number(p.spent) }));
  const labelOf = new Map(points.map((p) => [p.month, p.label]));
  return (
    <figure className="chart" data-chart="cumulative-spend" aria-labelledby={captionId} aria-describedby={tableId}>
      <figcaption id={captionId}>
        <strong>{t('monthlyTitle')}</strong> — {t('monthlyCaption', { currency })}
      </figcaption>
      <div className="chart-canvas" style={{ height: CHART_HEIGHT }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis width={80} tickFormatter={fmt} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? fmt(v) : String(v))} />
            <Legend />
            <Line type="stepAfter" dataKey="budget" name={c('budget')} stroke={chartPalette.originalTarget} dot={false} isAnimationActive={false} />
            <Line dataKey="planned" name={c('planned')} stroke={chartPalette.target} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            <Line dataKey="spent" name={c('cumulative')} stroke={chartPalette.actual} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
            {revisions.map((r) => (
              <ReferenceLine
                key={`${r.month}-${r.date}`}
                x={labelOf.get(r.month)}
                stroke={chartPalette.baseline}
                strokeDasharray="2 4"
                label={{ value: t('revisionMark', { date: r.date }), position: 'insideTopLeft', fontSize: 12 }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
