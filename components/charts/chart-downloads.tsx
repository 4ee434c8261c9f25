'use client';

import { useEffect } from 'react';
import { downloadPng, downloadSvg } from './download';

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
 * The one script behind every chart's picture downloads, mounted once in the root layout: a single listener on
 * the document serves the charts of this page and of every page navigated to after it, so charts themselves
 * hydrate nothing. It marks the document once it listens, and charts.css shows the buttons from then on.
 */
export function ChartDownloads() {
  useEffect(() => {
    document.addEventListener('click', onClick);
    document.documentElement.dataset.chartDownloads = 'ready';
    return () => {
      document.removeEventListener('click', onClick);
      delete document.documentElement.dataset.chartDownloads;
    };
  }, []);
  return null;
}
