'use client';

import { useEffect } from 'react';
import { downloadPng, downloadSvg } from './download';
import { hideChartTooltip, onChartPointer } from './chart-tooltip';

function onClick(event: MouseEvent) {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest<HTMLButtonElement>('button[data-chart-download]');
  if (!button) return;
  const canvas = button.closest('figure')?.querySelector<HTMLElement>('.chart-canvas') ?? null;
  const file = button.dataset.file ?? 'chart';
  if (button.dataset.chartDownload === 'png') void downloadPng(canvas, file);
  else downloadSvg(canvas, file);
}

/**
 * The page's one chart script, mounted once in the root layout: listeners on the document serve the picture
 * downloads and the period tooltips (./chart-tooltip.ts) of this page's charts and of every page navigated to
 * after it, so charts themselves hydrate nothing. It marks the document once it listens, and charts.css shows the
 * download buttons from then on.
 */
export function ChartScript() {
  useEffect(() => {
    document.addEventListener('click', onClick);
    document.addEventListener('pointermove', onChartPointer, { passive: true });
    document.addEventListener('pointerdown', onChartPointer, { passive: true });
    document.documentElement.dataset.chartDownloads = 'ready';
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('pointermove', onChartPointer);
      document.removeEventListener('pointerdown', onChartPointer);
      hideChartTooltip();
      delete document.documentElement.dataset.chartDownloads;
    };
  }, []);
  return null;
}
