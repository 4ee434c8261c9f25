import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Some of a table's columns as a select's fields, each under its own name: `columnsOf(t, 'id', 'reason')` is
 * `{ id: t.id, reason: t.reason }`. For the selects that read a row's own columns beside a few joined ones.
 */
export function columnsOf<T extends Table, K extends keyof T['_']['columns'] & string>(table: T, ...keys: K[]): Pick<T['_']['columns'], K> {
  const all = getTableColumns(table);
  return Object.fromEntries(keys.map((k) => [k, all[k]])) as Pick<T['_']['columns'], K>;
}
