import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { RegistryListParams } from '@/lib/validation/registries';

export interface FilterSpec {
  name: 'status' | 'region' | 'country' | 'type' | 'sector' | 'category' | 'format';
  label: string;
  options: { value: string; label: string }[];
}

const inputStyle = { padding: '0.35rem 0.5rem', border: '1px solid var(--border)', borderRadius: 'var(--radius)' };

/**
 * A plain GET form: search, filters and the date range end up in the URL, the sort is kept, the page resets.
 * Works without JavaScript.
 */
export async function ListFilters({
  path,
  params,
  filters,
  dateFilter,
}: {
  path: string;
  params: RegistryListParams;
  filters: FilterSpec[];
  /** Label of the date the from/to range applies to, if any. */
  dateFilter?: string;
}) {
  const t = await getTranslations('registries.filters');
  const active = params.q || params.archived || params.from || params.to || filters.some((f) => params[f.name]);
  return (
    <form className="toolbar" method="get" action={path} role="search" style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
      <label>
        {t('search')}
        <input type="search" name="q" defaultValue={params.q ?? ''} maxLength={100} style={inputStyle} />
      </label>
      {filters.map((f) => (
        <label key={f.name}>
          {f.label}
          <select name={f.name} defaultValue={params[f.name] ?? ''} style={inputStyle}>
            <option value="">{t('any')}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {dateFilter ? (
        <>
          <label>
            {dateFilter} · {t('from')}
            <input type="date" name="from" defaultValue={params.from ?? ''} style={inputStyle} />
          </label>
          <label>
            {t('to')}
            <input type="date" name="to" defaultValue={params.to ?? ''} style={inputStyle} />
          </label>
        </>
      ) : null}
      <label>
        <input type="checkbox" name="archived" value="1" defaultChecked={params.archived === '1'} /> {t('archived')}
      </label>
      {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
      <button className="button" type="submit">
        {t('apply')}
      </button>
      {active ? <Link href={path}>{t('clear')}</Link> : null}
    </form>
  );
}
