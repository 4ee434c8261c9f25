import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { RegistryListParams } from '@/lib/validation/registries';
import { FilterDate, FilterSelect, filterInputStyle } from '@/components/ui/filter-fields';

export interface FilterSpec {
  name: 'status' | 'region' | 'country' | 'type' | 'sector' | 'category' | 'format';
  label: string;
  options: { value: string; label: string }[];
}

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
        <input type="search" name="q" defaultValue={params.q ?? ''} maxLength={100} style={filterInputStyle} />
      </label>
      {filters.map((f) => (
        <FilterSelect key={f.name} name={f.name} label={f.label} value={params[f.name]} anyLabel={t('any')} options={f.options} />
      ))}
      {dateFilter ? (
        <>
          <FilterDate name="from" label={`${dateFilter} · ${t('from')}`} value={params.from} />
          <FilterDate name="to" label={t('to')} value={params.to} />
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
