import { getLocale, setRequestLocale } from 'next-intl/server';
import { connection } from 'next/server';
import { IndicatorChartSection } from '@/components/charts/indicator-chart-section';
import { indicatorChartViewArgs } from '@/data/charts';
import { cacheAsIndicatorChart, indicatorChartView, isRenderKey, unwrap, type IndicatorChartViewArgs } from '@/data/views';

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
 * One indicator's chart section rendered once per data version and language, not once per request: drawing the
 * SVG, its table and caption costs far more than reading the cached view. Keyed by the view's sealed arguments (an
 * unsealed key gets the view's empty answer, so this renders nothing it was not authorized for), the locale and
 * the breakdown choice; it lives and expires with the view (cacheAsIndicatorChart).
 */
async function RenderedIndicatorChart(props: { view: IndicatorChartViewArgs; locale: string; chooseBreakdown: boolean }) {
  'use cache';
  // Reachable from outside as a Server Function: arguments of another shape render nothing (never a 500).
  const { view, locale, chooseBreakdown } = props ?? {};
  if (!isRenderKey(view, locale)) return null;
  // The language of everything rendered below, so that nothing in this cached scope reads the request for it.
  setRequestLocale(locale);
  const chart = unwrap(await indicatorChartView(...view));
  cacheAsIndicatorChart(String(view[0]), chart?.indicator.source === 'derived');
  return <IndicatorChartSection code={String(view[0])} chart={chart} chooseBreakdown={chooseBreakdown} locale={locale} />;
}

/**
 * The chart of one indicator, authorized on every request (data/charts.ts) and drawn from the cache above. It comes
 * with its page, not behind a <Suspense>: a streamed chart is revealed by a script, a few hundred milliseconds after
 * the page first paints (React batches reveals), and not at all without JavaScript; being drawn once per data
 * version, it usually waits for no more than a cache read.
 */
export async function IndicatorChartLoader({ code, year, includeSubmitted, breakdownBy, chooseBreakdown = false }: ChartOptions) {
  await connection();
  const [view, locale] = await Promise.all([indicatorChartViewArgs(code, { year, includeSubmitted, breakdownBy }), getLocale()]);
  return <RenderedIndicatorChart view={view} locale={locale} chooseBreakdown={chooseBreakdown} />;
}
