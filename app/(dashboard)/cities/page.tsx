import { getLocale, getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { ListFilters } from '@/components/registries/list-filters';
import { ListTable } from '@/components/registries/list-table';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { RegistryToolbar } from '@/components/registries/registry-toolbar';
import { valueOptions } from '@/components/registries/fields/options';
import { LocalizedText } from '@/components/ui/localized-text';
import { SkeletonBlock } from '@/components/ui/skeleton';
import { can } from '@/lib/auth/policy';
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
      <RegistryTabs current="cities" />
      <h1>{t('registries.cities.title')}</h1>
      <p className="muted">{t('registries.cities.intro')}</p>
      <RegistryToolbar registry="cities" params={params} canEdit={can(user.role, 'registry.edit')} canImport={can(user.role, 'registry.import')} />
      <ListFilters
        path="/cities"
        params={params}
        dateFilter={t('registries.cities.fields.engagedOn')}
        filters={[
          { name: 'status', label: t('registries.filters.status'), options: valueOptions(t, 'cityStatus', cityStatuses) },
          { name: 'region', label: t('registries.filters.region'), options: valueOptions(t, 'region', regions) },
          { name: 'country', label: t('registries.filters.country'), options: countries.map((c) => ({ value: c, label: c })) },
        ]}
      />
      <Suspense key={JSON.stringify(params)} fallback={<SkeletonBlock label={t('registries.loading')} height="20rem" />}>
        <CitiesTable params={params} />
      </Suspense>
      {user.role === 'committee' ? <p className="muted">{t('registries.readOnly')}</p> : null}
    </>
  );
}
