import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Page } from '@/types/registries';
import { listHref, type RegistryListParams } from '@/lib/validation/registries';

export interface ColumnSpec {
  key: string;
  label: string;
  /** Sortable columns link to ?sort=key. */
  sortable?: boolean;
  numeric?: boolean;
}

export interface RowSpec {
  id: number;
  href: string;
  /** Cell content by column key (text, or a name in the user's language); the first column links to the record. */
  cells: Record<string, ReactNode>;
  archived?: boolean;
}

/**
 * A registry's list: sortable column headers, rows linking to their detail page, and page links. Everything
 * is a link that keeps the other URL parameters.
 */
export async function ListTable({
  path,
  params,
  caption,
  columns,
  rows,
  page,
  defaultSort,
}: {
  path: string;
  params: RegistryListParams;
  caption: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
  page: Omit<Page<unknown>, 'rows'>;
  defaultSort: { key: string; dir: 'asc' | 'desc' };
}) {
  const t = await getTranslations('registries');
  if (rows.length === 0) {
    return (
      <p className="card" role="status">
        {t('empty')}
      </p>
    );
  }
  const sort = params.sort && columns.some((c) => c.key === params.sort && c.sortable) ? params.sort : defaultSort.key;
  const dir = params.dir ?? (sort === defaultSort.key ? defaultSort.dir : 'asc');
  const sortLabel = columns.find((c) => c.key === sort)?.label ?? sort;
  return (
    <>
      <p className="muted" role="status">
        {t('count', { count: page.total })} · {t('pagination.pageOf', { page: page.page, pageCount: page.pageCount })}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">
            {t('tableCaption', { registry: caption, column: sortLabel, direction: t(dir === 'asc' ? 'sortAscending' : 'sortDescending') })}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = c.key === sort;
                if (!c.sortable) {
                  return (
                    <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                      {c.label}
                    </th>
                  );
                }
                const next = active && dir === 'asc' ? 'desc' : 'asc';
                return (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <Link href={listHref(path, params, { sort: c.key, dir: next, page: undefined })} title={t('sortBy', { column: c.label })}>
                      {c.label}
                      {active ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-record={row.id}>
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c.key} scope="row">
                      <Link href={row.href}>{row.cells[c.key] || t('none')}</Link>
                      {row.archived ? <span className="muted"> ({t('archivedBadge')})</span> : null}
                    </th>
                  ) : (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {row.cells[c.key] || t('none')}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.pageCount > 1 ? (
        <nav aria-label={t('pagination.label')} className="toolbar">
          {page.page > 1 ? <Link href={listHref(path, params, { page: page.page - 1 })}>{t('pagination.previous')}</Link> : null}
          <span>{t('pagination.pageOf', { page: page.page, pageCount: page.pageCount })}</span>
          {page.page < page.pageCount ? <Link href={listHref(path, params, { page: page.page + 1 })}>{t('pagination.next')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
