import { getLocale, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/registries/list-table';
import { RegistryListPage } from '@/components/registries/registry-list-page';
import { valueOptions } from '@/components/registries/fields/options';
import { LocalizedText } from '@/components/ui/localized-text';
import { requirePageUser } from '@/data/auth/session';
import { loadCities, loadCityFilters } from '@/data/registries';
import { formatDate } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { cityStatuses, regions, registryListParams, type RegistryListParams } from '@/lib/validation/registries';

export async function generateMetadata() {
  const t = await getTranslations('registries.cities');
  return { title: t('title') };
}

async function CitiesTable({ params }: { params: RegistryListParams }) {
  const [page, t, locale] = await Promise.all([loadCities(params), getTranslations(), getLocale()]);
  const f = (k: string) => t(`registries.cities.fields.${k}`);
  return (
    <ListTable
      path="/cities"
      params={params}
      caption={t('registries.cities.title')}
      defaultSort={{ key: 'name', dir: 'asc' }}
      columns={[
        { key: 'name', label: f('name'), sortable: true },
        { key: 'country', label: f('country'), sortable: true },
        { key: 'region', label: f('region'), sortable: true },
        { key: 'status', label: f('status'), sortable: true },
        { key: 'engagedOn', label: f('engagedOn'), sortable: true },
        { key: 'focalPoint', label: f('focalPoint') },
      ]}
      rows={page.rows.map((c) => ({
        id: c.id,
        href: `/cities/${c.id}`,
        archived: c.archivedAt !== null,
        cells: {
          name: <LocalizedText value={localized(locale, c.name, c.nameZh)} />,
          country: c.country,
          region: t(`registries.values.region.${c.region}`),
          status: t(`registries.values.cityStatus.${c.status}`),
          engagedOn: c.engagedOn ? formatDate(locale, c.engagedOn) : '',
          focalPoint: c.focalPoint ?? '',
        },
      }))}
      page={page}
    />
  );
}

export default async function CitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('dashboard.read');
  const params = registryListParams.parse(await searchParams);
  const [t, { countries }] = await Promise.all([getTranslations(), loadCityFilters()]);
  return (
    <>
      <RegistryListPage
        registry="cities"
        role={user.role}
        params={params}
        dateFilter={t('registries.cities.fields.engagedOn')}
        filters={[
          { name: 'status', label: t('registries.filters.status'), options: valueOptions(t, 'cityStatus', cityStatuses) },
          { name: 'region', label: t('registries.filters.region'), options: valueOptions(t, 'region', regions) },
          { name: 'country', label: t('registries.filters.country'), options: countries.map((c) => ({ value: c, label: c })) },
        ]}
      >
        <CitiesTable params={params} />
      </RegistryListPage>
      {user.role === 'committee' ? <p className="muted">{t('registries.readOnly')}</p> : null}
    </>
  );
}
