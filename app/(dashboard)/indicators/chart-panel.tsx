import { connection } from 'next/server';
import { Suspense } from 'react';
import { IndicatorChartSection, IndicatorChartSkeleton } from '@/components/charts/indicator-chart-section';
import { loadIndicatorChart } from '@/data/charts';

interface ChartOptions {
  code: string;
  year?: number;
  includeSubmitted?: boolean;
  /** A derived indicator's breakdown dimension (the page's `by`). */
  breakdownBy?: string;
  /** Offer the choice of breakdown dimension (the indicator page). */
  chooseBreakdown?: boolean;
}

/**
 * The chart of one indicator, loaded here (the cached view of data/charts.ts) and drawn by the component; it
 * streams on its own, so wrap it in <Suspense> (the goal page does, with its heading) or use IndicatorChartPanel.
 */
export async function IndicatorChartLoader({ code, year, includeSubmitted, breakdownBy, chooseBreakdown }: ChartOptions) {
  await connection();
  const chart = await loadIndicatorChart(code, { year, includeSubmitted, breakdownBy });
  return <IndicatorChartSection code={code} chart={chart} chooseBreakdown={chooseBreakdown} />;
}

/** The indicator page's chart: one element to drop into a page, streaming behind its own skeleton. */
export function IndicatorChartPanel(props: ChartOptions) {
  return (
    <Suspense fallback={<IndicatorChartSkeleton />}>
      <IndicatorChartLoader {...props} />
    </Suspense>
  );
}
