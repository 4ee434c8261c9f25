import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadAuditPage } from '@/data/audit-log';
import { requirePageUser } from '@/data/auth/session';
import { formatDateTime } from '@/lib/format';
import { FilterDate, FilterSelect, filterInputStyle } from '@/components/ui/filter-fields';
import { filtersOf, parseAuditSearch, searchQuery } from './params';

export async function generateMetadata() {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

/** The audit log: who changed what and when, filtered in the URL; admins only. Stored text is escaped by React. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('audit.read');
  const search = parseAuditSearch(await searchParams);
  const [{ options, page }, t, locale] = await Promise.all([
    loadAuditPage(filtersOf(search), search.before),
    getTranslations('audit'),
    getLocale(),
  ]);
  const filtered = Object.entries(filtersOf(search)).some(([, v]) => v !== undefined);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form className="toolbar card" method="get" action="/admin/audit" role="search" aria-label={t('filters.label')}>
        <FilterSelect
          name="actor"
          label={t('filters.actor')}
          value={search.actor}
          anyLabel={t('filters.any')}
          options={options.actors.map((a) => ({ value: String(a.id), label: `${a.name} (${a.email})` }))}
        />
        <FilterSelect name="entity" label={t('filters.entity')} value={search.entity} anyLabel={t('filters.any')} options={options.entityTypes.map((v) => ({ value: v, label: v }))} />
        <label>
          {t('filters.entityId')}
          <input name="entityId" defaultValue={search.entityId ?? ''} maxLength={100} style={filterInputStyle} />
        </label>
        <FilterSelect name="action" label={t('filters.action')} value={search.action} anyLabel={t('filters.any')} options={options.actions.map((v) => ({ value: v, label: v }))} />
        <FilterDate name="from" label={t('filters.from')} value={search.from} />
        <FilterDate name="to" label={t('filters.to')} value={search.to} />
        <button className="button" type="submit">
          {t('filters.apply')}
        </button>
        {filtered ? <Link href="/admin/audit">{t('filters.clear')}</Link> : null}
      </form>
      <p>
        <a href={`/admin/audit/export${searchQuery({ ...search, before: undefined })}`} download>
          {t('export')}
        </a>
      </p>
      {page.rows.length === 0 ? (
        <p className="card">{filtered ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.at')}</th>
                <th scope="col">{t('columns.actor')}</th>
                <th scope="col">{t('columns.action')}</th>
                <th scope="col">{t('columns.entity')}</th>
                <th scope="col">{t('columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} id={`audit-${r.id}`}>
                  <td>{formatDateTime(locale, r.at)}</td>
                  <td>{r.actorName ? `${r.actorName} (${r.actorEmail})` : t('system')}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.entityType}
                    {r.entityId ? ` #${r.entityId}` : ''}
                  </td>
                  <td>
                    {r.before === null && r.after === null ? (
                      '—'
                    ) : (
                      <details>
                        <summary>{t('showChange')}</summary>
                        {r.before !== null ? (
                          <>
                            <h3 className="muted">{t('before')}</h3>
                            <pre style={{ whiteSpace: 'pre-wrap', maxWidth: '40rem' }}>{JSON.stringify(r.before, null, 2)}</pre>
                          </>
                        ) : null}
                        {r.after !== null ? (
                          <>
                            <h3 className="muted">{t('after')}</h3>
                            <pre style={{ whiteSpace: 'pre-wrap', maxWidth: '40rem' }}>{JSON.stringify(r.after, null, 2)}</pre>
                          </>
                        ) : null}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('pagination')}>
        {search.before ? <Link href={`/admin/audit${searchQuery({ ...search, before: undefined })}`}>{t('newest')}</Link> : null}{' '}
        {page.nextBeforeId ? <Link href={`/admin/audit${searchQuery(search, page.nextBeforeId)}`}>{t('older')}</Link> : null}
      </nav>
    </>
  );
}
