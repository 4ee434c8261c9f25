import { h } from 'hastscript';
import { chartMarkup } from './markup';

/** A chart's data table as plain strings, already formatted in the reader's language. */
export interface ChartTableData {
  /** Set as the table's data-chart-table attribute. */
  name?: string;
  caption: string;
  /** Column headers; the first heads the rows' own headers. Numeric columns are right-aligned. */
  columns: { label: string; numeric?: boolean }[];
  /** Each row: its header, then one cell per remaining column. */
  rows: string[][];
  /** A last row with a label and one value across the remaining columns (the baseline). */
  foot?: { label: string; value: string };
}

/**
 * The table as HTML markup (./markup.ts), like the picture: in the page's React payload it is one string, where React
 * elements would cost an object per cell.
 */
export function chartTableMarkup(table: ChartTableData): string {
  const [head, ...columns] = table.columns;
  const num = (numeric: boolean | undefined) => (numeric ? { className: 'num' } : {});
  const tree = h('table', { dataChartTable: table.name }, [
    h('caption', table.caption),
    h('thead', h('tr', [h('th', { scope: 'col' }, head?.label ?? ''), ...columns.map((c) => h('th', { scope: 'col', ...num(c.numeric) }, c.label))])),
    h(
      'tbody',
      table.rows.map(([label, ...cells]) =>
        h('tr', [h('th', { scope: 'row' }, label ?? ''), ...cells.map((cell, i) => h('td', num(columns[i]?.numeric), cell))]),
      ),
    ),
    table.foot ? h('tfoot', h('tr', [h('th', { scope: 'row' }, table.foot.label), h('td', { className: 'num', colSpan: columns.length }, table.foot.value)])) : null,
  ]);
  return chartMarkup(tree, 'html');
}
