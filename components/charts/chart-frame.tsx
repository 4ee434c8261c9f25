import { useTranslations } from 'next-intl';
import { toCsv, type CsvCell } from '@/lib/csv';
import { chartTableMarkup, type ChartTableData } from './chart-table';

/** The chart's data as a link's target: the download works without a script, and the CSV is written by the app's one CSV writer. */
function csvHref(header: string[], rows: CsvCell[][]): string {
  return `data:text/csv;charset=utf-8;base64,${Buffer.from(toCsv(header, rows), 'utf8').toString('base64')}`;
}

/**
 * A chart's picture, its toolbar and its data table, all drawn on the server; nothing here hydrates. The table
 * opens under the picture from a disclosure, the CSV is a link, and the picture's SVG and PNG downloads are
 * buttons that the page's one chart script (./chart-script.tsx) serves; until that script runs, charts.css
 * keeps them hidden, so no press is lost.
 */
export function ChartFrame(props: {
  /** The downloads' file names without extension, e.g. "G4.2-chart". */
  name: string;
  csv: { header: string[]; rows: CsvCell[][] };
  /** The picture's SVG markup, drawn on the server (svg/plot-frame.ts). */
  plot: string;
  table: ChartTableData;
}) {
  const t = useTranslations('dashboards.chart');
  return (
    <>
      <div className="toolbar chart-toolbar">
        <a className="button-secondary" href={csvHref(props.csv.header, props.csv.rows)} download={`${props.name}.csv`}>
          {t('downloadCsv')}
        </a>
        <button type="button" className="button-secondary" data-chart-download="svg" data-file={`${props.name}.svg`}>
          {t('downloadSvg')}
        </button>
        <button type="button" className="button-secondary" data-chart-download="png" data-file={`${props.name}.png`}>
          {t('downloadPng')}
        </button>
      </div>
      {/* Focusable: on a narrow screen the picture scrolls sideways within this frame. */}
      <div className="chart-canvas" tabIndex={0} dangerouslySetInnerHTML={{ __html: props.plot }} />
      <details className="chart-table">
        <summary>{t('dataTable')}</summary>
        <div className="table-wrap" dangerouslySetInnerHTML={{ __html: chartTableMarkup(props.table) }} />
      </details>
    </>
  );
}
