'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { ChartTable, type ChartTableData } from './chart-table';
import { downloadCsv, downloadPng, downloadSvg } from './download';

/**
 * The only script of a chart: its toolbar. The picture and the table both come drawn by the server; this
 * switches between them and saves the data or the picture. Buttons stay disabled until this has hydrated, so a
 * click before then is not lost silently.
 */
export function ChartFrame(props: {
  /** The downloads' file names without extension, e.g. "G4.2-chart". */
  name: string;
  csv: { header: string[]; rows: (string | number | null)[][] };
  /** The picture's SVG markup, drawn on the server (svg/plot-frame.ts): inserted as it is, never hydrated. */
  plot: string;
  /** The data table behind the picture, drawn here when the reader switches to it. */
  table: ChartTableData;
  /** Keeps the card's height when the table replaces a taller picture. */
  minHeight?: number;
}) {
  const t = useTranslations('dashboards.chart');
  const [asTable, setAsTable] = useState(false);
  const hydrated = useHydrated();
  const plotRef = useRef<HTMLDivElement>(null);
  return (
    <>
      <div className="toolbar chart-toolbar">
        <button type="button" className="button-secondary" aria-pressed={asTable} disabled={!hydrated} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('showChart') : t('showTable')}
        </button>
        <button type="button" className="button-secondary" disabled={!hydrated} onClick={() => downloadCsv(`${props.name}.csv`, props.csv.header, props.csv.rows)}>
          {t('downloadCsv')}
        </button>
        <button type="button" className="button-secondary" disabled={!hydrated || asTable} onClick={() => downloadSvg(plotRef.current, `${props.name}.svg`)}>
          {t('downloadSvg')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={!hydrated || asTable}
          onClick={() => void downloadPng(plotRef.current, `${props.name}.png`)}
        >
          {t('downloadPng')}
        </button>
      </div>
      {/* Focusable: on a narrow screen the picture scrolls sideways within this frame. */}
      <div ref={plotRef} className="chart-canvas" hidden={asTable} tabIndex={0} dangerouslySetInnerHTML={{ __html: props.plot }} />
      {/* The table arrives as data and enters the document only when asked for: a page of ten charts would
          otherwise carry and hydrate ten hidden tables. */}
      {asTable ? (
        <div className="table-wrap" style={props.minHeight ? { minHeight: props.minHeight } : undefined}>
          <ChartTable table={props.table} />
        </div>
      ) : null}
    </>
  );
}
