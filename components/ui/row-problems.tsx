import type { ReactNode } from 'react';

export interface RowProblemItem {
  row: number;
  column: string;
  message: string;
}

/**
 * The report of a file import: one table row per problem (or warning) with the file's row number, the column and
 * the message. The registries' and the progress updates' imports both show it.
 */
export function RowProblemsTable({
  rows,
  caption,
  labels,
  testId,
  footer,
}: {
  rows: RowProblemItem[];
  caption: string;
  labels: { row: string; column: string; message: string };
  testId: string;
  footer?: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.row}</th>
            <th scope="col">{labels.column}</th>
            <th scope="col">{labels.message}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => (
            <tr key={`${p.row}-${p.column}-${i}`}>
              <td>{p.row}</td>
              <td>{p.column}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {footer}
    </div>
  );
}
