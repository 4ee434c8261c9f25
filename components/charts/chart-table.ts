import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

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
 * The table as HTML markup, every text escaped. Like the picture it is drawn once on the server and inserted as
 * it is: as markup it travels in the page's React payload as one string, where React elements would cost an
 * object per cell, and nothing in it needs a script.
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
  return toHtml(tree, { quote: "'" });
}
