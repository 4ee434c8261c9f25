/**
 * A chart's data table as plain strings: the page sends it with the chart (a few bytes per cell, where a
 * rendered table would cost a React element per cell) and ChartFrame draws it only when the reader asks for it.
 */
export interface ChartTableData {
  /** Set as the table's data-chart-table attribute. */
  name?: string;
  caption: string;
  /** Column headers; the first heads the rows' own headers. Numeric columns are right-aligned. */
  columns: { label: string; numeric?: boolean }[];
  /** Each row's header, then one cell per remaining column, already formatted in the reader's language. */
  rows: { key: string; cells: string[] }[];
  /** A last row with a label and one value across the remaining columns (the baseline). */
  foot?: { label: string; value: string };
}

export function ChartTable({ table }: { table: ChartTableData }) {
  const [head, ...columns] = table.columns;
  return (
    <table data-chart-table={table.name}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head?.label}</th>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map(({ key, cells: [label, ...cells] }) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            {cells.map((cell, i) => (
              <td key={i} className={columns[i]?.numeric ? 'num' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.foot ? (
        <tfoot>
          <tr>
            <th scope="row">{table.foot.label}</th>
            <td className="num" colSpan={columns.length}>
              {table.foot.value}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
