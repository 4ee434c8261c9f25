import type { ReactNode, TableHTMLAttributes } from 'react';

/**
 * A table in its horizontally scrolling wrapper: a caption (for screen readers only, unless `showCaption`), one
 * head row of `head` cells and the body rows given as children. With `empty` set (the list has no rows), that
 * text stands in place of the table. `before` is shown inside the wrapper above the table (a form its rows
 * belong to).
 */
export function DataTable({
  head,
  children,
  empty,
  caption,
  showCaption = false,
  before,
  ...tableProps
}: {
  head: ReactNode;
  children: ReactNode;
  empty?: ReactNode;
  caption?: ReactNode;
  showCaption?: boolean;
  before?: ReactNode;
} & Omit<TableHTMLAttributes<HTMLTableElement>, 'children'>) {
  if (empty) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      {before}
      <table {...tableProps}>
        {caption ? <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption> : null}
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
